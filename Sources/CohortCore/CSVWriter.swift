/// RFC 4180 CSV that spreadsheets open safely: every cell is quoted, and a cell that a
/// spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
/// is prefixed with an apostrophe.
public enum CSVWriter {
    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        // Quotes are doubled scalar by scalar: String's own replacing works on characters, and
        // a quote followed by a combining mark is one character that is not a quote, so it was
        // left single and ended the cell early (found by the CSV fuzz target).
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in text.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    public static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    public static func document(header: [String], rows: [[String]]) -> String {
        row(header) + rows.map(row).joined()
    }
}
