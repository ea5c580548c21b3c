import AttentionCore
import Foundation

/// `attnview sweep` rows as text: an aligned Markdown table for people, CSV for programs.
struct SweepTable {
    let rows: [SweepRow]
    /// The statistics to show, in this order (default: all of `AttentionStatistics.columns`).
    var columns: [StatisticColumn] = AttentionStatistics.columns
    /// Whether the regime ends each line.
    var showsRegime = true

    /// The grid's coordinates, first on every line.
    static let coordinates = ["d_k", "scale", "divisor", "trials"]

    /// `--columns` names: every statistic's JSON key, and `regime`.
    static var columnNames: [String] { AttentionStatistics.columns.map(\.key) + ["regime"] }

    /// Markdown column titles: the grid's coordinates, then the statistics' short labels
    /// (`AttentionStatistics.columns`, the list every output shares; docs/statistics.md).
    var titles: [String] { Self.coordinates + columns.map(\.label) + (showsRegime ? ["regime"] : []) }

    /// CSV column titles: the grid's coordinates, then every statistic under its JSON name.
    var header: [String] { Self.coordinates + columns.map(\.key) + (showsRegime ? ["regime"] : []) }

    /// The table showing only `names` (JSON keys or `regime`), in that order; nil names an unknown one.
    static func selecting(_ names: [String], rows: [SweepRow]) -> Result<SweepTable, UnknownColumn> {
        var table = SweepTable(rows: rows, columns: [], showsRegime: false)
        for name in names {
            if name == "regime" {
                table.showsRegime = true
            } else if let column = AttentionStatistics.columns.first(where: { $0.key == name }) {
                table.columns.append(column)
            } else {
                return .failure(UnknownColumn(name: name))
            }
        }
        return .success(table)
    }

    /// A `--columns` item that names no statistic.
    struct UnknownColumn: Error {
        let name: String
    }

    /// Every cell of `row`; `number` spells the statistics (full precision for CSV, 4 digits for
    /// Markdown); a statistic that does not apply is an empty cell.
    private func cells(_ row: SweepRow, number: (Double) -> String) -> [String] {
        ["\(row.dk)", row.scale.name, row.divisor.shortestSpelling, "\(row.trials)"]
            + columns.map { $0.value(row.stats).map(number) ?? "" }
            + (showsRegime ? [row.stats.regime.rawValue] : [])
    }

    /// A Markdown table whose columns line up in a terminal too: text left, numbers right.
    var markdown: String {
        let titles = titles
        let body = rows.map { cells($0, number: Self.fourDigits) }
        let widths = titles.indices.map { column in
            ([titles[column]] + body.map { $0[column] }).map(\.count).max() ?? 0
        }
        let leftAligned: Set<Int> = showsRegime ? [1, titles.count - 1] : [1]
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
        return ([line(titles), rule] + body.map(line)).joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV with a header line; numbers in their shortest exact spelling.
    var csv: String {
        let lines = [header] + rows.map { cells($0, number: { $0.shortestSpelling }) }
        return lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// Four significant digits, trailing zeros kept so a column's decimals line up: enough to read
    /// the trend, short enough for a table.
    private static func fourDigits(_ value: Double) -> String {
        let text = String(format: "%#.4g", value)
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
