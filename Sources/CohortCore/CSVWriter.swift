/// RFC 4180 CSV that spreadsheets open safely: every cell is quoted, and a cell that a
/// spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
/// is prefixed with an apostrophe.
public enum CSVWriter {
    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    public static func document(header: [String], rows: [[String]]) -> String {
        row(header) + rows.map(row).joined()
    }
}
