import CohortCore
import Foundation

// Fuzz target: the CSV writer's escaping. Cells split from the input are written as a row;
// reading the row back as RFC 4180 must give the same cells (with the apostrophe that
// defuses a formula), and no cell may start with a character a spreadsheet runs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let cells = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    let row = CSVWriter.row(cells)
    guard row.hasSuffix("\r\n") else { fatalError("a row without its line end") }
    let read = readRow(Array(row.unicodeScalars.dropLast(2)))
    guard read.count == cells.count else { fatalError("\(cells.count) cells written, \(read.count) read: \(row)") }
    for (written, cell) in zip(cells, read) {
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            fatalError("a cell a spreadsheet would run: \(cell)")
        }
        guard cell == written || cell == "'" + written else { fatalError("cell changed: \(written) -> \(cell)") }
    }
    return 0
}

/// RFC 4180: every cell quoted, quotes doubled, cells separated by commas.
private func readRow(_ scalars: [Unicode.Scalar]) -> [String] {
    var cells: [String] = [], current = String.UnicodeScalarView(), index = 0, quoted = false
    while index < scalars.count {
        let scalar = scalars[index]
        if quoted {
            if scalar == "\"" {
                if index + 1 < scalars.count, scalars[index + 1] == "\"" { current.append("\""); index += 1 } else { quoted = false }
            } else {
                current.append(scalar)
            }
        } else if scalar == "\"" {
            quoted = true
        } else if scalar == "," {
            cells.append(String(current)); current = String.UnicodeScalarView()
        } else {
            fatalError("a character outside quotes: \(scalar)")
        }
        index += 1
    }
    cells.append(String(current))
    return cells
}
