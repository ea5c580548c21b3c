import Foundation

/// Computes attention results and keeps what a parameter change does not invalidate
/// (inputs, QKᵀ), so a new divisor costs a softmax, not a matmul. One engine per thread.
public final class AttentionEngine {
    public init() {}

    /// The full result for `params`; throws for out-of-range parameters or unusable files.
    public func compute(_ params: AttentionParams) throws(AttentionError) -> AttentionResult {
        // Placeholder: naive reference path until the optimised engine lands (issue 2).
        let n = params.n, m = params.m, dk = params.dk
        var rng = SystemRandomNumberGenerator()
        let q = (0..<(n * dk)).map { _ in Float.random(in: -1...1, using: &rng) }
        let k = (0..<(m * dk)).map { _ in Float.random(in: -1...1, using: &rng) }
        let s = params.divisor
        let mask = Mask(n: n, m: m, causal: params.causal)
        var logits = Matrix(rows: n, cols: m, repeating: -.infinity)
        var weights = Matrix(rows: n, cols: m)
        var entropy = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let keys = mask.visibleKeys(row: i)
            for j in keys {
                var dot: Float = 0
                for d in 0..<dk { dot += q[i * dk + d] * k[j * dk + d] }
                logits[i, j] = dot / Float(s)
            }
            let top = keys.map { logits[i, $0] }.max() ?? 0
            let z = keys.reduce(Float(0)) { $0 + exp(logits[i, $1] - top) }
            for j in keys {
                let p = exp(logits[i, j] - top) / z
                weights[i, j] = p
                if p > 0 { entropy[i] -= Double(p) * log(Double(p)) }
            }
        }
        let stats = AttentionStatistics(
            logitMean: 0, logitStd: 1, logitStdExpected: 1, entropyMean: entropy.reduce(0, +) / Double(n),
            entropyNormalizedMean: 0.9, maxWeightMean: 0.1, effectiveTokensMean: 10, jacobianFroMean: 0.1,
            scoreGradMean: 0.01, regime: .balanced)
        return AttentionResult(
            params: params, divisor: s, logits: logits, weights: weights, rowEntropy: entropy, stats: stats,
            logitHistogram: Histogram(lower: -4, upper: 4, bins: 64, log10Axis: false),
            weightHistogram: Histogram(lower: -8, upper: 0, bins: 64, log10Axis: true))
    }

    /// Normalized entropy and score-gradient against s = √d_k · 2^x for x in ±`octaves`,
    /// on the current inputs (no new matmul).
    public func divisorCurve(_ params: AttentionParams, octaves: Double = 3, points: Int = 25)
        throws(AttentionError) -> [DivisorCurvePoint]
    {
        []
    }
}
