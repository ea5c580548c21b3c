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
        let body = rows.map { Self.cells($0, number: Self.fourDigits) }
        let widths = Self.titles.indices.map { column in
            ([Self.titles[column]] + body.map { $0[column] }).map(\.count).max() ?? 0
        }
        let leftAligned: Set<Int> = [1, Self.titles.count - 1]
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
        return ([line(Self.titles), rule] + body.map(line)).joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV with a header line; numbers in their shortest exact spelling.
    var csv: String {
        let lines = [Self.header] + rows.map { Self.cells($0, number: { $0.shortestSpelling }) }
        return lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// Four significant digits, trailing zeros kept so a column's decimals line up: enough to read
    /// the trend, short enough for a table.
    private static func fourDigits(_ value: Double) -> String {
        let text = String(format: "%#.4g", value)
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
