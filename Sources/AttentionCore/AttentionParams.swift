/// How the softmax divisor `s` is chosen from d_k.
public enum ScalePolicy: Hashable, Sendable {
    /// s = alpha · √d_k, the standard of "Attention Is All You Need".
    case sqrtDk
    /// s = alpha · d_k: over-scaled, flattens rows as d_k grows.
    case dk
    /// s = alpha: no scaling, rows go one-hot as d_k grows.
    case none
    /// s = the given positive number, whatever d_k is (alpha is ignored).
    case fixed(Double)

    /// The name used on the command line and in JSON (`sqrt`, `dk`, `none`, or the number).
    public var name: String {
        switch self {
        case .sqrtDk: "sqrt"
        case .dk: "dk"
        case .none: "none"
        case .fixed(let value): "\(value)"
        }
    }
}

/// Where Q and K come from.
public enum InputSource: Hashable, Sendable {
    /// Seeded Gaussian entries (see `GaussianGenerator`), shaped by `n`, `m`, `sigma`, `rho`.
    case generated
    /// Two NumPy `.npy` files holding Q (n × d) and K (m × d).
    case files(q: String, k: String)
    /// One head of a model, handed in by the engine's `HeadProvider` (n × d_head, n = m).
    case model(ModelHead)
}

/// Every knob of the model: one value describes one attention picture.
public struct AttentionParams: Hashable, Sendable {
    /// Queries (rows of Q). Taken from the file for `.files`.
    public var n: Int
    /// Keys (rows of K). Taken from the file for `.files`.
    public var m: Int
    /// Key/query dimension. For `.files`, the first `dk` columns are used (at most the file's d).
    public var dk: Int
    /// Seed of the generated Q and K (see `GaussianGenerator`).
    public var seed: UInt64
    /// Standard deviation of every generated entry.
    public var sigma: Double
    /// Query–key alignment in [0, 1): k_i = rho·q_i + √(1 − rho²)·z_i for i < min(n, m).
    public var rho: Double
    /// How the divisor s follows d_k (`divisor` resolves it).
    public var scale: ScalePolicy
    /// Multiplier of the policy's divisor (ignored by `.fixed`).
    public var alpha: Double
    /// Query i may attend key j only where j ≤ i + (m − n).
    public var causal: Bool
    /// Generated inputs, two `.npy` files or a model head.
    public var source: InputSource

    /// The built-in defaults: 64 tokens, d_k = 64, s = √d_k, seed 0, sigma 1, rho 0, no mask.
    public init(
        n: Int = 64, m: Int? = nil, dk: Int = 64, seed: UInt64 = 0, sigma: Double = 1, rho: Double = 0,
        scale: ScalePolicy = .sqrtDk, alpha: Double = 1, causal: Bool = false, source: InputSource = .generated
    ) {
        self.n = n
        self.m = m ?? n
        self.dk = dk
        self.seed = seed
        self.sigma = sigma
        self.rho = rho
        self.scale = scale
        self.alpha = alpha
        self.causal = causal
        self.source = source
    }

    /// The divisor s that the logits are divided by.
    public var divisor: Double {
        switch scale {
        case .sqrtDk: alpha * Double(dk).squareRoot()
        case .dk: alpha * Double(dk)
        case .none: alpha
        case .fixed(let value): value
        }
    }
}
