import AttentionCore
import Foundation
import Training

/// The records of `attnview train` as text: a Markdown or CSV row per run, a final-loss table per
/// divisor policy for the transfer grid, or JSON with every run's loss curve.
struct TrainingReport {
    let records: [RunRecord]

    /// CSV and JSON keys, in column order.
    static let keys = [
        "dk", "scale", "divisor", "lr", "optimizer", "final_loss", "diverged", "steps_to_target", "gradient_norm_0",
    ]
    /// Markdown titles of the same columns.
    static let titles = [
        "d_k", "scale", "divisor", "lr", "optimizer", "final loss", "diverged", "steps to 0.05", "‖grad‖ at 0",
    ]

    /// Every cell of `record`'s row; numbers spelled by `number`, a value that does not exist empty.
    private static func cells(_ record: RunRecord, number: (Double) -> String) -> [String] {
        let settings = record.settings
        return [
            "\(settings.dk)", settings.scale.name, number(settings.divisor), learningRate(settings.learningRate),
            settings.optimizer.rawValue, record.finalLoss.map(number) ?? "", "\(record.diverged)",
            record.stepsToTarget.map(String.init) ?? "", record.gradientNorms.first.map { number(Double($0)) } ?? "",
        ]
    }

    /// One row per run, aligned for a terminal.
    var markdown: String {
        MarkdownTable(
            titles: Self.titles, rows: records.map { Self.cells($0, number: MarkdownTable.fourDigits) },
            leftAligned: [1, 4, 6]
        ).text
    }

    /// RFC 4180 CSV with a header line; numbers in their shortest exact spelling.
    var csv: String {
        let lines = [Self.keys] + records.map { Self.cells($0, number: { $0.shortestSpelling }) }
        return lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// For each divisor policy, a table of final loss with a row per d_k and a column per learning
    /// rate; each row's lowest loss in bold, so the eye follows the best rate as d_k grows.
    var gridMarkdown: String {
        let scales = Self.unique(records.map(\.settings.scale))
        let dks = Self.unique(records.map(\.settings.dk))
        let rates = Self.unique(records.map(\.settings.learningRate))
        let optimizer = records.first?.settings.optimizer.rawValue ?? ""
        return scales.map { scale in
            let rows = dks.map { dk in
                let row = rates.map { rate in
                    records.first {
                        $0.settings.scale == scale && $0.settings.dk == dk && $0.settings.learningRate == rate
                    }
                }
                let best = row.compactMap { $0?.finalLoss }.min()
                return ["\(dk)"]
                    + row.map { record in
                        guard let record else { return "" }
                        guard let loss = record.finalLoss else { return "diverged" }
                        let text = MarkdownTable.fourDigits(loss)
                        return loss == best ? "**\(text)**" : text
                    }
            }
            let heading = "\(Self.divisorWords(scale)), \(optimizer): final loss by d_k (rows) and learning rate"
            let table = MarkdownTable(
                titles: ["d_k"] + rates.map(Self.learningRate), rows: rows, leftAligned: []
            ).text
            return heading + "\n\n" + table
        }.joined(separator: "\n")
    }

    /// `{"runs": [...]}`: each run's row, its verdict, and its loss and gradient-norm curves.
    var json: String {
        let runs = records.map { record -> String in
            let settings = record.settings
            let task = settings.task
            let fields = [
                "\"dk\": \(settings.dk)", "\"scale\": \"\(settings.scale.name)\"",
                "\"divisor\": \(Self.json(settings.divisor))", "\"lr\": \(Self.json(settings.learningRate))",
                "\"optimizer\": \"\(settings.optimizer.rawValue)\"", "\"final_loss\": \(Self.json(record.finalLoss))",
                "\"diverged\": \(record.diverged)",
                "\"steps_to_target\": \(record.stepsToTarget.map(String.init) ?? "null")",
                "\"gradient_norm_0\": \(Self.json(record.gradientNorms.first.map(Double.init)))",
                "\"verdict\": \"\(record.verdict.rawValue)\"",
                "\"task\": {\"d_model\": \(task.dModel), \"n\": \(task.n), \"batch\": \(task.batch), "
                    + "\"noise\": \(Self.json(task.noise)), \"steps\": \(task.steps), \"seed\": \(task.seed)}",
                "\"losses\": [\(record.losses.map(\.description).joined(separator: ", "))]",
                "\"gradient_norms\": [\(record.gradientNorms.map(\.description).joined(separator: ", "))]",
            ]
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        return "{\"target_loss\": \(RunRecord.targetLoss), \"runs\": [\n" + runs.joined(separator: ",\n") + "\n]}\n"
    }

    /// A learning rate as 2^k when it is a power of two (the grid's), else its shortest spelling.
    static func learningRate(_ rate: Double) -> String {
        let exponent = log2(rate).rounded()
        return rate == pow(2, exponent) && abs(exponent) <= 64 ? "2^\(Int(exponent))" : rate.shortestSpelling
    }

    /// "s = √d_k" and the like, for a policy at alpha 1.
    static func divisorWords(_ scale: ScalePolicy) -> String {
        switch scale {
        case .sqrtDk: "s = √d_k"
        case .dk: "s = d_k"
        case .none: "s = 1"
        case .fixed(let value): "s = \(value.shortestSpelling)"
        }
    }

    private static func json(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return value.shortestSpelling
    }

    private static func unique<T: Equatable>(_ values: [T]) -> [T] {
        values.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }
}
