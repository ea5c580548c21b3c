import ArgumentParser
import AttentionCore
import Foundation

/// `attnview heads`: every (layer, head) of a model on one text, with its statistics and regime.
struct HeadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heads",
        abstract: "Statistics of every layer and head of a model on one text.",
        discussion: """
            One row per (layer, head): which heads are peaked or flat at the trained divisor √d_head, \
            and, with --scale none or another --dk, what happens to all of them.
            """)

    @Option(
        help: ArgumentHelp(
            "A BERT model: a folder or a name installed under ~/.local/share/attnview/models (`make model`).",
            valueName: "path|name"))
    var model: String

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The text the model reads (default: a sentence about a tired animal); @FILE reads a file, - standard "
                + "input.", valueName: "text|@file|-"))
    var text: String?

    @Option(
        parsing: .unconditional,
        help: "Key/query dimension: the first d_k of each head's d_head dimensions (default: all).")
    var dk: Int?

    @Option(
        parsing: .unconditional,
        help: "Divisor s: sqrt (alpha·√d_k), dk (alpha·d_k), none (alpha), or a positive number (s itself).")
    var scale: String = "sqrt"

    @Option(parsing: .unconditional, help: "Multiplier of the divisor policy (> 0; ignored when --scale is a number).")
    var alpha: Double = 1

    @Flag(help: "Causal mask: query i attends key j only where j ≤ i.")
    var causal = false

    @OptionGroup var output: TableOutputOptions

    func validate() throws {
        do {
            _ = try options().params(readingText: false)
        } catch let error as AttentionError {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let (base, engine, _) = try options().prepare()
        guard case .model(let labels) = base.source else { return }
        var rows: [HeadRow] = []
        for layer in 0..<labels.layers {
            for head in 0..<labels.heads {
                var params = base
                var other = labels
                other.layer = layer
                other.head = head
                params.source = .model(other)
                rows.append(HeadRow(result: try engine.compute(params)))
            }
        }
        var shared = base
        shared.n = labels.tokens.count
        shared.m = shared.n
        let table = StatisticsTable.heads(rows, selection: try output.selection(default: .headsDefault))
        let data = output.text(of: table).map { Data($0.utf8) } ?? HeadRow.jsonData(rows, base: shared)
        try ByteSink.standardOutput { $0.write(data) }
    }

    /// The same options as `snapshot --model`, so the two commands check and resolve them alike.
    private func options() throws -> ModelOptions {
        // `--flag=value` for a value that starts with "-", so it stays a value (and "" stays "").
        func option(_ flag: String, _ value: String) -> [String] {
            value.hasPrefix("-") ? ["\(flag)=\(value)"] : [flag, value]
        }
        var arguments = option("--model", model) + option("--scale", scale) + option("--alpha", "\(alpha)")
        if let text { arguments += option("--text", text) }
        if let dk { arguments += option("--dk", "\(dk)") }
        if causal { arguments.append("--causal") }
        do {
            return try ModelOptions.parse(arguments)
        } catch {
            throw ValidationError(ModelOptions.message(for: error))
        }
    }
}
