import Foundation

/// Charts drawn on the server as SVG: no script, no outside font or file, readable at 320 px
/// (the drawing scales with the page, and its words are also in the table beside it). Colours
/// come from presentation attributes, which the content security policy allows, not from styles.
enum SurveyCharts {
    static let width = 320.0
    static let rowHeight = 26.0
    static let labelWidth = 118.0
    static let barColour = "#1d5b8c"
    static let afterColour = "#2e7d32"
    static let inkColour = "#1b1b1b"
    static let gridColour = "#cccccc"

    struct Bar {
        let label: String
        let value: Double
        let text: String
    }

    /// One horizontal bar per row, the longest as wide as `maximum`.
    static func bars(_ bars: [Bar], maximum: Double, title: String) -> String {
        let height = max(rowHeight, Double(bars.count) * rowHeight)
        let room = width - labelWidth - 44
        var svg = open(height: height, title: title)
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * rowHeight
            let length = maximum > 0 ? max(0, min(1, bar.value / maximum)) * room : 0
            svg += text(short(bar.label), x: 0, y: y + 17)
            svg += #"<rect x="\#(labelWidth)" y="\#(y + 5)" width="\#(format(length))" height="16" fill="\#(barColour)"/>"#
            svg += text(bar.text, x: labelWidth + length + 4, y: y + 17)
        }
        return svg + "</svg>"
    }

    struct Change {
        let label: String
        let before: Double
        let after: Double
    }

    /// Before → after on a scale from `low` to `high`: a dot for each, joined by a line.
    static func changes(_ changes: [Change], low: Double, high: Double, title: String) -> String {
        let height = Double(changes.count) * rowHeight + 20
        let room = width - labelWidth - 16
        func x(_ value: Double) -> Double { labelWidth + (high > low ? (value - low) / (high - low) : 0) * room }
        var svg = open(height: height, title: title)
        for tick in Int(low)...Int(high) {
            svg += #"<line x1="\#(format(x(Double(tick))))" y1="0" x2="\#(format(x(Double(tick))))" y2="\#(format(height - 16))" stroke="\#(gridColour)"/>"#
            svg += text("\(tick)", x: x(Double(tick)) - 3, y: height - 3)
        }
        for (index, change) in changes.enumerated() {
            let y = Double(index) * rowHeight + 13
            svg += text(short(change.label), x: 0, y: y + 4)
            svg += #"<line x1="\#(format(x(change.before)))" y1="\#(format(y))" x2="\#(format(x(change.after)))" y2="\#(format(y))" stroke="\#(inkColour)" stroke-width="2"/>"#
            svg += #"<circle cx="\#(format(x(change.before)))" cy="\#(format(y))" r="5" fill="\#(barColour)"/>"#
            svg += #"<circle cx="\#(format(x(change.after)))" cy="\#(format(y))" r="5" fill="\#(afterColour)"/>"#
        }
        return svg + "</svg>"
    }

    private static func open(height: Double, title: String) -> String {
        // The table beside the chart carries its words for screen readers; the drawing is hidden from them.
        #"<svg class="chart" viewBox="0 0 \#(format(width)) \#(format(height))" width="100%" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg"><title>\#(escape(title))</title>"#
    }

    private static func text(_ words: String, x: Double, y: Double) -> String {
        #"<text x="\#(format(x))" y="\#(format(y))" font-size="12" fill="\#(inkColour)">\#(escape(words))</text>"#
    }

    /// Labels longer than the room before the bars are cut, whole in the table.
    static func short(_ label: String) -> String {
        label.count <= 18 ? label : String(label.prefix(17)) + "…"
    }

    static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
