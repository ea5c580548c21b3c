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
            and, with --scale none or another --dk, what happens to all of them. --from it --to animal \
            adds the weight each head gives from one token to another; --sort weight_from_to \
            --descending --top 5 names the heads that link them most.
            """)

    @OptionGroup var source: ModelSourceOptions

    @Option(
        parsing: .unconditional,
        help: "Key/query dimension: the first d_k of each head's d_head dimensions (default: all).")
    var dk: Int?

    @OptionGroup var divisor: DivisorOptions

    @Flag(help: "Causal mask: query i attends key j only where j ≤ i.")
    var causal = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "A query token, by index or text (with --to): adds weight_from_to, the weight it gives the --to token.",
            valueName: "token|index"))
    var from: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The key token of weight_from_to, by index or text (with --from).", valueName: "token|index")
    )
    var to: String?

    @Option(
        help: ArgumentHelp(
            "Order the rows by a column: a statistic's JSON name, layer, head, or weight_from_to "
                + "(default: layer, head).",
            valueName: "column"),
        completion: .list(HeadsCommand.sortColumns))
    var sort: String?

    @Flag(help: "With --sort: largest first.")
    var descending = false

    @Option(help: ArgumentHelp("Only the first K rows (after --sort).", valueName: "K"))
    var top: Int?

    @OptionGroup var output: TableOutputOptions

    /// The columns `--sort` accepts: the coordinates, the weight from --from to --to, every statistic.
    static let sortColumns = ["layer", "head", "weight_from_to"] + AttentionStatistics.columns.map(\.key)

    func validate() throws {
        switch (from, to) {
        case (_?, nil): throw ValidationError("--from needs --to (the key token the weight goes to)")
        case (nil, _?): throw ValidationError("--to needs --from (the query token the weight comes from)")
        default: break
        }
        if let sort {
            guard Self.sortColumns.contains(sort) else {
                throw ValidationError(
                    "--sort '\(printable(sort))' is not a column "
                        + "(choose from \(Self.sortColumns.joined(separator: ", ")))"
                )
            }
            if sort == "weight_from_to", from == nil {
                throw ValidationError("--sort weight_from_to needs --from and --to")
            }
        } else if descending {
            throw ValidationError("--descending needs --sort (the column to order by)")
        }
        if let top, top < 1 { throw ValidationError("--top \(top) must be 1 or more") }
        try validatingFlags { _ = try params(readingText: false) }
    }

    func run() throws {
        let (base, engine, run) = try ModelOptions.prepare(try params())
        guard let run, case .model(let labels) = base.source else { return }
        var pair: (from: Int, to: Int)?
        if let from, let to {
            pair = (
                try TokenChoice.index(of: from, in: labels.tokens, flag: "--from"),
                try TokenChoice.index(of: to, in: labels.tokens, flag: "--to")
            )
        }
        let heads = run.allHeads
        var rows: [HeadRow] = []
        var weights: [Double] = []
        for layer in 0..<labels.layers {
            for head in 0..<labels.heads {
                var params = base
                params.source = .model(run.labels(layer: layer, head: head))
                let result = try engine.compute(params)
                if let problem = result.problem { throw AttentionError.notFinite(problem) }
                rows.append(HeadRow(result: result))
                if let pair { weights.append(heads[layer][head].weight(from: pair.from, to: pair.to, params: base)) }
            }
        }
        var order = Array(rows.indices)
        if let sort {
            let values: [Double?] = rows.indices.map { index in
                switch sort {
                case "layer": Double(rows[index].layer)
                case "head": Double(rows[index].head)
                case "weight_from_to": weights[index]
                default: AttentionStatistics.columns.first { $0.key == sort }?.value(rows[index].stats)
                }
            }
            order = HeadRanking.order(values, descending: descending)
        }
        if let top { order = Array(order.prefix(top)) }
        rows = order.map { rows[$0] }
        if pair != nil { weights = order.map { weights[$0] } }
        var shared = base
        shared.n = labels.tokens.count
        shared.m = shared.n
        let table = StatisticsTable.heads(
            rows, selection: try output.selection(default: .headsDefault),
            pair: pair.map { ("\(labels.tokens[$0.from])(\($0.from)) → \(labels.tokens[$0.to])(\($0.to))", weights) })
        let data =
            output.text(of: table).map { Data($0.utf8) }
            ?? HeadsJSON.data(rows, base: shared, pair: pair.map { ($0.from, $0.to, weights) })
        try ByteSink.standardOutput { $0.write(data) }
    }

    /// The parameters of the model's first head under these options, checked as `snapshot --model` checks them.
    private func params(readingText: Bool = true) throws -> AttentionParams {
        try source.params(divisor: divisor, dk: dk, causal: causal, readingText: readingText)
    }
}
