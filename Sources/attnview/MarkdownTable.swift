import Foundation

/// A Markdown table whose columns line up in a terminal too: text left, numbers right. Shared by
/// `sweep` and `heads`.
struct MarkdownTable {
    let titles: [String]
    let rows: [[String]]
    /// Columns whose cells are text (left-aligned); the rest are numbers (right-aligned).
    let leftAligned: Set<Int>

    var text: String {
        let widths = titles.indices.map { column in
            ([titles[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return leftAligned.contains(column) ? cell + padding : padding + cell
            }
            return "| " + padded.joined(separator: " | ") + " |"
        }
        let rule =
            "|"
            + widths.indices.map { column in
                let dashes = String(repeating: "-", count: widths[column])
                return leftAligned.contains(column) ? " \(dashes) " : " \(dashes.dropLast()): "
            }.joined(separator: "|") + "|"
        return ([line(titles), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// Four significant digits, trailing zeros kept so a column's decimals line up: enough to read
    /// the trend, short enough for a table.
    static func fourDigits(_ value: Double) -> String {
        let text = String(format: "%#.4g", value)
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
