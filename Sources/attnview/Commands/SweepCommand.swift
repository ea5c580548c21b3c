import ArgumentParser
import AttentionCore
import Foundation

/// `attnview sweep`: statistics over a grid of d_k and divisor policies, averaged over seeds.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Statistics over a grid of d_k and divisor policies, averaged over seeds.",
        discussion: """
            One row per (d_k, scale). Without scaling rows go one-hot as d_k grows; with √d_k they \
            stay put; dividing by d_k flattens them.
            """)

    static let trialRange = 1...1000

    @Option(parsing: .unconditional, help: "Comma-separated d_k values, each 1–65536.")
    var dk: String = "16,64,256,1024,4096"

    @Option(parsing: .unconditional, help: "Comma-separated divisor policies: sqrt, dk, none or positive numbers.")
    var scale: String = "none,sqrt,dk"

    @Option(parsing: .unconditional, help: "Seeds averaged per row (seed, seed+1, …), 1–1000.")
    var trials: Int = 3

    @Option(parsing: .unconditional, help: "Queries (rows of Q), 1–4096.")
    var n: Int = 64

    @Option(parsing: .unconditional, help: "Keys (rows of K), 1–4096; defaults to --n.")
    var m: Int?

    @Option(parsing: .unconditional, help: "First seed. (default: 0)", transform: SeedArgument.parse)
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Standard deviation of every random entry (> 0).")
    var sigma: Double = 1

    @Option(parsing: .unconditional, help: "Query–key alignment in [0, 1).")
    var rho: Double = 0

    @Option(parsing: .unconditional, help: "Multiplier of the sqrt, dk and none policies (> 0).")
    var alpha: Double = 1

    @Flag(help: "Causal mask: query i attends key j only where j ≤ i + (m − n).")
    var causal = false

    @OptionGroup var output: TableOutputOptions

    func validate() throws {
        try validatingFlags { _ = try grid() }
    }

    func run() throws {
        let sweep = try grid()
        var progress = ProgressLine(label: "sweep")
        let rows = try sweep.run { progress.update($0) }
        progress.finish()
        let table = StatisticsTable.sweep(rows, selection: try output.selection(default: .all))
        let data = output.text(of: table).map { Data($0.utf8) } ?? SweepJSON.data(rows, base: sweep.base)
        try ByteSink.standardOutput { $0.write(data) }
    }

    /// The sweep these options describe; every list item and range is checked, naming the flag.
    func grid() throws -> Sweep {
        let dks = try ListOption.items(of: dk, flag: "--dk").map {
            try ListOption.integer($0, flag: "--dk", in: Limits.dk)
        }
        let scales = try ListOption.items(of: scale, flag: "--scale").map { item in
            try ScaleArgument.policy(of: item, flag: "--scale")
        }
        guard Self.trialRange.contains(trials) else {
            throw FlagError(flag: "--trials", value: "\(trials)", allowed: "1–1000")
        }
        let base = AttentionParams(
            n: n, m: m, dk: dks[0], seed: seed, sigma: sigma, rho: rho, alpha: alpha, causal: causal)
        for dk in dks {
            for scale in scales {
                var params = base
                params.dk = dk
                params.scale = scale
                try params.validate()
            }
        }
        return Sweep(base: base, dks: dks, scales: scales, trials: trials)
    }
}
