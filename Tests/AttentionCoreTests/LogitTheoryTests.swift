import AttentionCore
import Testing

/// The theory column's logit mean: (aligned / entries) · rho·d_k·σ² / s (docs/statistics.md).
struct LogitTheoryTests {
    @Test func meanWithRhoIsTheAlignedShareOfRhoDkSigmaSquaredOverS() throws {
        // The case: --rho 0.2 --dk 512 --n 128 (s = √512): 128 aligned of 128² logits.
        let params = AttentionParams(n: 128, dk: 512, rho: 0.2)
        let theory = try #require(LogitTheory(params: params, divisor: params.divisor))
        let byHand = 128.0 / (128 * 128) * 0.2 * 512 / 512.0.squareRoot()
        #expect(abs(theory.mean - byHand) < 1e-15)
        #expect(abs(theory.mean - 0.035355) < 1e-6)
    }

    @Test func measuredMeanOverSeedsAgreesWithTheTheory() throws {
        let engine = AttentionEngine()
        var sum = 0.0
        let seeds: [UInt64] = Array(0..<16)
        for seed in seeds {
            sum += try engine.compute(AttentionParams(n: 128, dk: 512, seed: seed, rho: 0.2)).stats.logitMean
        }
        let theory = try #require(
            LogitTheory(params: AttentionParams(n: 128, dk: 512, rho: 0.2), divisor: 512.0.squareRoot()))
        #expect(abs(sum / Double(seeds.count) - theory.mean) < 0.006, "mean over 16 seeds \(sum / 16)")
    }

    @Test func withoutRhoTheMeanIsZeroAndTheStdIsTheEnginesExpectedStd() throws {
        for params in [
            AttentionParams(dk: 256, scale: .none), AttentionParams(n: 8, m: 12, rho: 0.5, causal: true),
            AttentionParams(n: 12, m: 8, sigma: 2, rho: 0.9, causal: true),
        ] {
            let result = try AttentionEngine().compute(params)
            let theory = try #require(LogitTheory(params: result.params, divisor: result.divisor))
            #expect(theory.std == result.stats.logitStdExpected)
            if params.rho == 0 { #expect(theory.mean == 0) }
        }
    }

    @Test func causalCountsOnlyVisibleLogitsAndVisibleAlignedPairs() throws {
        // n = 12 > m = 8, causal: row i sees keys j ≤ i − 4, so rows 0–3 see none; the aligned
        // pairs (i, i) for i < 8 are all hidden (i > i − 4 fails), entries = 1 + 2 + … + 8 = 36.
        let hidden = try #require(
            LogitTheory(params: AttentionParams(n: 12, m: 8, rho: 0.5, causal: true), divisor: 1))
        #expect(hidden.mean == 0)
        // n = m = 8, causal: the diagonal is visible, 8 aligned of 36 entries.
        let square = try #require(
            LogitTheory(params: AttentionParams(n: 8, dk: 16, rho: 0.5, causal: true), divisor: 4))
        #expect(abs(square.mean - 8.0 / 36 * 0.5 * 16 / 4) < 1e-15)
    }

    @Test func fileInputsHaveNoTheory() {
        let params = AttentionParams(source: .files(q: "q.npy", k: "k.npy"))
        #expect(LogitTheory(params: params, divisor: 8) == nil)
    }
}
