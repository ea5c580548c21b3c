import Testing

@testable import AttentionCore

/// The two halves of claim (6) and where fp16 breaks, on the engine's own generated inputs.
@Suite struct GradientSpreadTests {
    let engine = AttentionEngine()

    /// As s shrinks the typical row goes one-hot and its gradient dies, while the largest
    /// (rows whose top logits nearly tie) does not: the spread max / median widens by orders.
    @Test func tinyDivisorKillsTheMedianButNotTheMax() throws {
        let standard = try engine.compute(AttentionParams(n: 128, dk: 64, seed: 3)).stats
        let tiny = try engine.compute(AttentionParams(n: 128, dk: 64, seed: 3, scale: .sqrtDk, alpha: 1.0 / 64)).stats
        #expect(tiny.scoreGradMedian < standard.scoreGradMedian / 10)
        #expect(tiny.scoreGradMax > standard.scoreGradMax)
        #expect(tiny.scoreGradMax / tiny.scoreGradMedian > 100 * standard.scoreGradMax / standard.scoreGradMedian)
        #expect(standard.scoreGradMedian <= standard.scoreGradMax)
        #expect(standard.scoreGradMedian > 0)
    }

    /// Without a divisor the logits' std is √d_k = 32 at d_k 1024: every row's sum of exp
    /// passes 65504, and some pass fp32's 3.4e38 (ln = 88.7, under three standard deviations up).
    @Test func unscaledLargeDkOverflowsFP16AndSometimesFP32() throws {
        let none = try engine.compute(AttentionParams(n: 64, dk: 1024, seed: 0, scale: .none)).stats
        #expect(none.unsafeRowsFP16 == 1)
        #expect(none.overflowRowsFP16 == 1)
        #expect(none.unsafeRowsFP32 > 0 && none.unsafeRowsFP32 < 1)
        let sqrt = try engine.compute(AttentionParams(n: 64, dk: 1024, seed: 0)).stats
        #expect(sqrt.unsafeRowsFP16 == 0 && sqrt.unsafeRowsFP32 == 0)
    }

    @Test func sweepAveragesTheNewColumnsOverTrials() throws {
        let base = AttentionParams(n: 16, dk: 16, seed: 5, scale: .none)
        let rows = try Sweep(base: base, dks: [256], scales: [.none], trials: 2).run()
        var first = base, second = base
        first.dk = 256
        second.dk = 256
        second.seed = 6
        let a = try engine.compute(first).stats, b = try engine.compute(second).stats
        let stats = try #require(rows.first).stats
        #expect(abs(stats.scoreGradMedian - (a.scoreGradMedian + b.scoreGradMedian) / 2) < 1e-15)
        #expect(abs(stats.unsafeRowsFP16 - (a.unsafeRowsFP16 + b.unsafeRowsFP16) / 2) < 1e-15)
        #expect(stats.scoreGradMax == (a.scoreGradMax + b.scoreGradMax) / 2)
    }
}
