import AttentionCore

/// Results from the real engine for rendering tests: generated inputs are seeded, so the same
/// parameters give the same frames on every run and machine.
enum SampleResults {
    static func make(
        n: Int = 64, m: Int? = nil, dk: Int = 64, scale: ScalePolicy = .sqrtDk, causal: Bool = false, seed: UInt64 = 1
    ) throws -> AttentionResult {
        try AttentionEngine().compute(AttentionParams(n: n, m: m, dk: dk, seed: seed, scale: scale, causal: causal))
    }

    /// The result and its divisor curve, as the interactive view draws them.
    static func withCurve(_ params: AttentionParams) throws -> (AttentionResult, [DivisorCurvePoint]) {
        let engine = AttentionEngine()
        return (try engine.compute(params), try engine.divisorCurve(params))
    }

    static func curve(dk: Int = 64) throws -> [DivisorCurvePoint] {
        try AttentionEngine().divisorCurve(AttentionParams(dk: dk, seed: 1))
    }
}
