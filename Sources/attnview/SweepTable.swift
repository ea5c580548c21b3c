import AttentionCore
import Foundation

/// `attnview sweep` rows as text: an aligned Markdown table for people, CSV for programs.
struct SweepTable {
    let rows: [SweepRow]
    /// The statistics to show (`--columns`; default all of `AttentionStatistics.columns`).
    var selection = StatisticSelection.all

    /// The grid's coordinates, first on every line: titles for people, keys as the JSON names them.
    static let coordinateTitles = ["d_k", "scale", "divisor", "trials"]
    static let coordinateKeys = ["dk", "scale", "divisor", "trials"]

    /// Markdown column titles: the grid's coordinates, then the statistics' short labels
    /// (`AttentionStatistics.columns`, the list every output shares; docs/statistics.md).
    var titles: [String] {
        Self.coordinateTitles + selection.columns.map(\.label) + (selection.showsRegime ? ["regime"] : [])
    }

    /// CSV column titles: the grid's coordinates, then every statistic under its JSON name.
    var header: [String] {
        Self.coordinateKeys + selection.columns.map(\.key) + (selection.showsRegime ? ["regime"] : [])
    }

    /// Every cell of `row`; `number` spells the statistics (full precision for CSV, 4 digits for
    /// Markdown); a statistic that does not apply is an empty cell.
    private func cells(_ row: SweepRow, number: (Double) -> String) -> [String] {
        ["\(row.dk)", row.scale.name, row.divisor.shortestSpelling, "\(row.trials)"]
            + selection.columns.map { $0.value(row.stats).map(number) ?? "" }
            + (selection.showsRegime ? [row.stats.regime.rawValue] : [])
    }

    /// A Markdown table whose columns line up in a terminal too: text left, numbers right.
    var markdown: String {
        let titles = titles
        return MarkdownTable(
            titles: titles, rows: rows.map { cells($0, number: MarkdownTable.fourDigits) },
            leftAligned: selection.showsRegime ? [1, titles.count - 1] : [1]
        ).text
    }

    /// RFC 4180 CSV with a header line; numbers in their shortest exact spelling.
    var csv: String {
        let lines = [header] + rows.map { cells($0, number: { $0.shortestSpelling }) }
        return lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

}
