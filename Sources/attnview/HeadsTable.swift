import AttentionCore

/// `attnview heads` rows as text: an aligned Markdown table for people, CSV for programs, laid out
/// as `sweep`'s (`SweepTable`), with layer and head first.
struct HeadsTable {
    let rows: [HeadRow]

    /// Markdown column titles: the statistics panel's short names.
    static let titles = [
        "layer", "head", "d_k", "scale", "divisor", "logit mean", "logit std", "entropy H", "H / ln m", "max weight",
        "eff. tokens", "‖J‖_F", "score grad", "regime",
    ]

    /// CSV column titles: the JSON keys of `heads --format json`, statistics under their snapshot names.
    static let header = [
        "layer", "head", "dk", "scale", "divisor", "logit_mean", "logit_std", "entropy_mean",
        "entropy_normalized_mean", "max_weight_mean", "effective_tokens_mean", "jacobian_fro_mean",
        "score_grad_mean", "regime",
    ]

    private static func cells(_ row: HeadRow, number: (Double) -> String) -> [String] {
        let stats = row.stats
        return ["\(row.layer)", "\(row.head)", "\(row.dk)", row.scale.name, number(row.divisor)]
            + [
                stats.logitMean, stats.logitStd, stats.entropyMean, stats.entropyNormalizedMean, stats.maxWeightMean,
                stats.effectiveTokensMean, stats.jacobianFroMean, stats.scoreGradMean,
            ].map(number) + [stats.regime.rawValue]
    }

    /// A Markdown table whose columns line up in a terminal too: text left, numbers right.
    var markdown: String {
        MarkdownTable(
            titles: Self.titles, rows: rows.map { Self.cells($0, number: MarkdownTable.fourDigits) },
            leftAligned: [3, Self.titles.count - 1]
        ).text
    }

    /// RFC 4180 CSV with a header line; numbers in their shortest exact spelling.
    var csv: String {
        let lines = [Self.header] + rows.map { Self.cells($0, number: { $0.shortestSpelling }) }
        return lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
