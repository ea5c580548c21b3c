/// The iid theory's moments of the unmasked logits for generated inputs, which the statistics
/// panel prints beside the measured ones (formulas: docs/statistics.md, "Expected logit spread").
///
/// Entries are N(0, σ²); with rho > 0 key i is `rho·q_i + √(1 − rho²)·z_i` for i < min(n, m), so
/// the aligned logit q_i·k_i has mean rho·d_k·σ² and every other logit mean 0.
public struct LogitTheory: Equatable, Sendable {
    /// Expected mean of the unmasked logits (QKᵀ / s).
    public let mean: Double
    /// Expected population std of the unmasked logits.
    public let std: Double

    /// The theory for `params` (generated inputs); nil for `.npy` inputs, about which it knows nothing.
    public init?(params: AttentionParams, divisor: Double) {
        guard params.source.describing.isGenerated else { return nil }
        let mask = Mask(n: params.n, m: params.m, causal: params.causal)
        let entries = (0..<params.n).reduce(0) { $0 + mask.visibleKeys(row: $1).count }
        let aligned = (0..<min(params.n, params.m)).filter { mask.visibleKeys(row: $0).contains($0) }.count
        mean = Self.mean(
            sigma: params.sigma, rho: params.rho, dk: params.dk, divisor: divisor, entries: entries, aligned: aligned)
        std = AttentionStatistics.expectedLogitStd(
            sigma: params.sigma, rho: params.rho, dk: params.dk, divisor: divisor, entries: entries, aligned: aligned)
    }

    /// (aligned / entries) · rho·d_k·σ² / s: only the aligned logits have a non-zero mean.
    public static func mean(sigma: Double, rho: Double, dk: Int, divisor: Double, entries: Int, aligned: Int)
        -> Double
    {
        guard entries > 0, divisor > 0 else { return 0 }
        return Double(aligned) / Double(entries) * rho * Double(dk) * sigma * sigma / divisor
    }
}
