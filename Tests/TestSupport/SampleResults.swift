import AttentionCore

/// Results from the real engine for rendering tests: generated inputs are seeded, so the same
/// parameters give the same frames on every run and machine.
public enum SampleResults {
    /// A result of the engine on seeded random inputs with these parameters.
    public static func make(
        n: Int = 64, m: Int? = nil, dk: Int = 64, scale: ScalePolicy = .sqrtDk, causal: Bool = false, seed: UInt64 = 1
    ) throws -> AttentionResult {
        try AttentionEngine().compute(AttentionParams(n: n, m: m, dk: dk, seed: seed, scale: scale, causal: causal))
    }

    /// The result and its divisor curve, as the interactive view draws them.
    public static func withCurve(_ params: AttentionParams) throws -> (AttentionResult, [DivisorCurvePoint]) {
        let engine = AttentionEngine()
        return (try engine.compute(params), try engine.divisorCurve(params))
    }

    /// The divisor curve of seeded random inputs of width `dk`.
    public static func curve(dk: Int = 64) throws -> [DivisorCurvePoint] {
        try AttentionEngine().divisorCurve(AttentionParams(dk: dk, seed: 1))
    }
}
