import AttentionCore
import Foundation

/// `attnview sweep` rows as text: an aligned Markdown table for people, CSV for programs.
struct SweepTable {
    let rows: [SweepRow]

    /// Markdown column titles: the statistics panel's short names (docs/statistics.md).
    static let titles = [
        "d_k", "scale", "divisor", "trials", "logit mean", "logit std", "expected std", "entropy H", "H / ln m",
        "max weight", "eff. tokens", "‖J‖_F", "score grad", "regime",
    ]

    /// CSV column titles: the grid's coordinates, then every statistic under its JSON name.
    static let header = [
        "d_k", "scale", "divisor", "trials", "logit_mean", "logit_std", "logit_std_expected", "entropy_mean",
        "entropy_normalized_mean", "max_weight_mean", "effective_tokens_mean", "jacobian_fro_mean",
        "score_grad_mean", "regime",
    ]

    /// Every cell of `row`; `number` spells the statistics (full precision for CSV, 4 digits for Markdown).
    private static func cells(_ row: SweepRow, number: (Double) -> String) -> [String] {
        let stats = row.stats
        return ["\(row.dk)", row.scale.name, row.divisor.shortestSpelling, "\(row.trials)"]
            + [stats.logitMean, stats.logitStd].map(number)
            + [stats.logitStdExpected.map(number) ?? ""]
            + [
                stats.entropyMean, stats.entropyNormalizedMean, stats.maxWeightMean, stats.effectiveTokensMean,
                stats.jacobianFroMean, stats.scoreGradMean,
            ].map(number)
            + [stats.regime.rawValue]
    }

    /// A Markdown table whose columns line up in a terminal too: text left, numbers right.
    var markdown: String {
        MarkdownTable(
            titles: Self.titles, rows: rows.map { Self.cells($0, number: MarkdownTable.fourDigits) },
            leftAligned: [1, Self.titles.count - 1]
        ).text
    }

    /// RFC 4180 CSV with a header line; numbers in their shortest exact spelling.
    var csv: String {
        let lines = [Self.header] + rows.map { Self.cells($0, number: { $0.shortestSpelling }) }
        return lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

}
