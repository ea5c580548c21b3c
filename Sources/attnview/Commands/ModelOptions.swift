import ArgumentParser
import AttentionCore

/// The options that describe the model; shared by the interactive view, `snapshot` and `bench`.
struct ModelOptions: ParsableArguments {
    @Option(help: "Queries (rows of Q), 1–4096.")
    var n: Int = 64

    @Option(help: "Keys (rows of K), 1–4096; defaults to --n.")
    var m: Int?

    @Option(help: "Key/query dimension d_k, 1–65536 (with --q/--k: the first d_k columns).")
    var dk: Int?

    @Option(help: "Seed of the random Q and K.")
    var seed: UInt64 = 0

    @Option(help: "Standard deviation of every random entry (> 0).")
    var sigma: Double = 1

    @Option(help: "Query–key alignment in [0, 1): k_i = rho·q_i + √(1−rho²)·z_i.")
    var rho: Double = 0

    @Option(help: "Divisor policy: sqrt (alpha·√d_k), dk (alpha·d_k), none (alpha), or a positive number.")
    var scale: String = "sqrt"

    @Option(help: "Multiplier of the divisor policy (> 0).")
    var alpha: Double = 1

    @Flag(help: "Causal mask: query i attends key j only where j ≤ i + (m − n).")
    var causal = false

    @Option(help: "Q from a NumPy .npy file (n × d); needs --k.")
    var q: String?

    @Option(help: "K from a NumPy .npy file (m × d); needs --q.")
    var k: String?

    /// The parameters these options describe (not yet checked against the core's ranges).
    func params() throws -> AttentionParams {
        AttentionParams(n: n, m: m, dk: dk ?? 64, seed: seed, sigma: sigma, rho: rho, alpha: alpha, causal: causal)
    }
}

/// How the picture is drawn; shared by the interactive view and `snapshot`.
struct DisplayOptions: ParsableArguments {
    @Option(help: "Colour theme: a name (see `attnview themes`) or a path to a .toml file.")
    var theme: String = "default"

    @Flag(help: "No colour (also when NO_COLOR is set or TERM=dumb).")
    var noColor = false

    @Flag(help: "ASCII only: no half blocks or box drawing.")
    var ascii = false
}
