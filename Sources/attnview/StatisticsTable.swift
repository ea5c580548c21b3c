import AttentionCore

/// Rows of statistics as text — an aligned Markdown table for people, CSV for programs — with each
/// row's coordinates first (a sweep's d_k and divisor, a model's layer and head), then the selected
/// statistics, then the regime. `sweep` and `heads` both print through it, so their layouts agree.
struct StatisticsTable {
    /// One column that says where a row sits: its Markdown title and its CSV/JSON key.
    struct Coordinate {
        let title: String
        let key: String
        /// Text, left-aligned in Markdown (numbers align right).
        var isText = false
    }

    /// One line: its coordinate cells (given the number spelling) and its statistics.
    struct Row {
        let coordinates: ((Double) -> String) -> [String]
        let stats: AttentionStatistics
    }

    let coordinates: [Coordinate]
    let rows: [Row]
    /// The statistics to show (`--columns`).
    let selection: StatisticSelection

    /// Markdown column titles: the coordinates, then the statistics' short labels.
    var titles: [String] {
        coordinates.map(\.title) + selection.columns.map(\.label) + (selection.showsRegime ? ["regime"] : [])
    }

    /// CSV column titles: the coordinates and every statistic under its JSON name.
    var header: [String] {
        coordinates.map(\.key) + selection.columns.map(\.key) + (selection.showsRegime ? ["regime"] : [])
    }

    /// Every cell of `row`; `number` spells numbers (full precision for CSV, 4 digits for Markdown);
    /// a statistic that does not apply is an empty cell.
    private func cells(_ row: Row, number: (Double) -> String) -> [String] {
        row.coordinates(number) + selection.columns.map { $0.value(row.stats).map(number) ?? "" }
            + (selection.showsRegime ? [row.stats.regime.rawValue] : [])
    }

    /// A Markdown table whose columns line up in a terminal too: text left, numbers right.
    var markdown: String {
        let titles = titles
        let textColumns = coordinates.indices.filter { coordinates[$0].isText }
        return MarkdownTable(
            titles: titles, rows: rows.map { cells($0, number: MarkdownTable.fourDigits) },
            leftAligned: Set(selection.showsRegime ? textColumns + [titles.count - 1] : textColumns)
        ).text
    }

    /// RFC 4180 CSV with a header line; numbers in their shortest exact spelling.
    var csv: String {
        let lines = [header] + rows.map { cells($0, number: { $0.shortestSpelling }) }
        return lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
