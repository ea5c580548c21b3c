import ArgumentParser
import AttentionCore
import Foundation

/// The options that describe the model; shared by the interactive view, `snapshot` and `bench`.
struct ModelOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Queries (rows of Q), 1–4096. Ignored with --q/--k (the files' rows count).")
    var n: Int = 64

    @Option(parsing: .unconditional, help: "Keys (rows of K), 1–4096; defaults to --n. Not allowed with --q/--k.")
    var m: Int?

    @Option(
        parsing: .unconditional,
        help: "Key/query dimension d_k, 1–65536; default 64 (with --q/--k: the first d_k columns, default all).")
    var dk: Int?

    @Option(
        parsing: .unconditional,
        help: "Seed of the random Q and K (same seed, same numbers on every machine). (default: 0)",
        transform: SeedArgument.parse)
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Standard deviation of every random entry (> 0).")
    var sigma: Double = 1

    @Option(parsing: .unconditional, help: "Query–key alignment in [0, 1): k_i = rho·q_i + √(1−rho²)·z_i.")
    var rho: Double = 0

    @Option(
        parsing: .unconditional,
        help: "Divisor s: sqrt (alpha·√d_k), dk (alpha·d_k), none (alpha), or a positive number (s itself).")
    var scale: String = "sqrt"

    @Option(parsing: .unconditional, help: "Multiplier of the divisor policy (> 0; ignored when --scale is a number).")
    var alpha: Double = 1

    @Flag(help: "Causal mask: query i attends key j only where j ≤ i + (m − n).")
    var causal = false

    @Option(help: ArgumentHelp("Q from a NumPy .npy file (n × d, float16/32/64); needs --k.", valueName: "file"))
    var q: String?

    @Option(help: ArgumentHelp("K from a NumPy .npy file (m × d, float16/32/64); needs --q.", valueName: "file"))
    var k: String?

    /// Checks every value against the core's ranges, naming the flag at fault (exit 64).
    func validate() throws {
        do {
            _ = try params()
        } catch let error as AttentionError {
            throw ValidationError(error.description)
        }
    }

    /// The parameters these options describe, checked against `Limits`. Throws `ValidationError`
    /// for a malformed value and `AttentionError.outOfRange` for a value out of range; both name the flag.
    func params() throws -> AttentionParams {
        let policy = try ModelOptions.scalePolicy(scale, flag: "--scale")
        let source: InputSource
        switch (q, k) {
        case let (q?, k?): source = .files(q: q, k: k)
        case (nil, nil): source = .generated
        case (_?, nil): throw ValidationError("--q needs --k (give both files or neither)")
        case (nil, _?): throw ValidationError("--k needs --q (give both files or neither)")
        }
        let isFiles = source != .generated
        if isFiles, m != nil {
            throw ValidationError("--m cannot be combined with --q/--k: the files' rows give n and m")
        }
        let params = AttentionParams(
            n: n, m: m, dk: dk ?? (isFiles ? AttentionParams.allFileColumns : 64), seed: seed, sigma: sigma,
            rho: rho, scale: policy, alpha: alpha, causal: causal, source: source)
        try params.validate()
        return params
    }

    /// Reads a `--scale` value: `sqrt`, `dk`, `none` or a positive divisor inside `Limits.divisor`.
    static func scalePolicy(_ text: String, flag: String) throws -> ScalePolicy {
        switch text.lowercased() {
        case "sqrt": return .sqrtDk
        case "dk": return .dk
        case "none": return .none
        default:
            guard let value = Double(text) else {
                throw ValidationError("\(flag) '\(text)' is not sqrt, dk, none or a number")
            }
            guard Limits.divisor.contains(value) else {
                throw AttentionError.outOfRange(flag: flag, value: text, allowed: divisorRange)
            }
            return .fixed(value)
        }
    }

    /// The allowed divisors in words, for error messages.
    static var divisorRange: String {
        String(format: "a divisor from %g to %g", Limits.divisor.lowerBound, Limits.divisor.upperBound)
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
