import AttentionCore

/// `attnview heads` rows as text: an aligned Markdown table for people, CSV for programs, laid out
/// as `sweep`'s (`SweepTable`), with layer and head first.
struct HeadsTable {
    let rows: [HeadRow]
    /// The statistics to show (`--columns`); by default the shared list without the iid theory's
    /// std, which never applies to a model's heads.
    var selection = StatisticSelection(
        columns: AttentionStatistics.columns.filter { $0.key != "logit_std_expected" }, showsRegime: true)

    /// Markdown column titles: the head's coordinates, then the statistics' short labels.
    var titles: [String] {
        ["layer", "head", "d_k", "scale", "divisor"] + selection.columns.map(\.label)
            + (selection.showsRegime ? ["regime"] : [])
    }

    /// CSV column titles: the JSON keys of `heads --format json`, statistics under their snapshot names.
    var header: [String] {
        ["layer", "head", "dk", "scale", "divisor"] + selection.columns.map(\.key)
            + (selection.showsRegime ? ["regime"] : [])
    }

    private func cells(_ row: HeadRow, number: (Double) -> String) -> [String] {
        ["\(row.layer)", "\(row.head)", "\(row.dk)", row.scale.name, number(row.divisor)]
            + selection.columns.map { $0.value(row.stats).map(number) ?? "" }
            + (selection.showsRegime ? [row.stats.regime.rawValue] : [])
    }

    /// A Markdown table whose columns line up in a terminal too: text left, numbers right.
    var markdown: String {
        let titles = titles
        return MarkdownTable(
            titles: titles, rows: rows.map { cells($0, number: MarkdownTable.fourDigits) },
            leftAligned: selection.showsRegime ? [3, titles.count - 1] : [3]
        ).text
    }

    /// RFC 4180 CSV with a header line; numbers in their shortest exact spelling.
    var csv: String {
        let lines = [header] + rows.map { cells($0, number: { $0.shortestSpelling }) }
        return lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
