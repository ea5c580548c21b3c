import Testing

@testable import AttentionCore

@Suite struct SweepAndCurveTests {
    @Test func sweepAveragesEachCellOverTheSeeds() throws {
        let base = AttentionParams(n: 16, dk: 8, seed: 10)
        var fractions: [Double] = []
        let rows = try Sweep(base: base, dks: [32, 8], scales: [.none, .sqrtDk], trials: 3).run { fractions.append($0) }
        #expect(rows.map(\.dk) == [32, 32, 8, 8])
        #expect(rows.map(\.scale) == [.none, .sqrtDk, .none, .sqrtDk])
        #expect(fractions.count == 12)
        #expect(fractions.last == 1)
        let engine = AttentionEngine()
        var entropy = 0.0
        for seed in UInt64(10)...12 {
            entropy += try engine.compute(AttentionParams(n: 16, dk: 32, seed: seed, scale: .none)).stats.entropyMean
        }
        #expect(abs(rows[0].stats.entropyMean - entropy / 3) < 1e-12)
        #expect(rows[1].divisor == 32.0.squareRoot())
        #expect(rows[0].trials == 3)
    }

    @Test func sweepShowsWhyTheDivisorIsSqrtDk() throws {
        let dks = [16, 128, 1024]
        let rows = try Sweep(base: AttentionParams(n: 64), dks: dks, scales: [.none, .sqrtDk, .dk], trials: 2).run()
        func row(_ dk: Int, _ scale: ScalePolicy) -> AttentionStatistics {
            rows.first { $0.dk == dk && $0.scale == scale }!.stats
        }
        // Unscaled rows go one-hot as d_k grows; √d_k keeps them put; d_k flattens them.
        #expect(row(1024, .none).maxWeightMean > row(16, .none).maxWeightMean)
        #expect(row(1024, .none).regime == .peaked)
        #expect(abs(row(1024, .sqrtDk).entropyNormalizedMean - row(16, .sqrtDk).entropyNormalizedMean) < 0.03)
        #expect(dks.allSatisfy { row($0, .sqrtDk).regime == .balanced })
        #expect(row(1024, .dk).regime == .flat)
        #expect(row(1024, .dk).entropyNormalizedMean > row(16, .dk).entropyNormalizedMean)
    }

    @Test func divisorCurveMatchesTheStatisticsAtItsPoints() throws {
        let engine = AttentionEngine()
        let params = AttentionParams(n: 24, m: 30, dk: 64, causal: true)
        let result = try engine.compute(params)
        let matmuls = engine.matmulCount
        let curve = try engine.divisorCurve(params)
        #expect(engine.matmulCount == matmuls)
        #expect(curve.count == 49)
        #expect(curve.first?.octaves == -6)
        #expect(curve.last?.octaves == 6)
        let middle = curve[24]
        #expect(middle.octaves == 0)
        #expect(abs(middle.divisor - 8) < 1e-12)
        #expect(abs(middle.entropyNormalizedMean - result.stats.entropyNormalizedMean) < 1e-9)
        #expect(abs(middle.scoreGradMean - result.stats.scoreGradMean) < 1e-9)
        #expect(abs(middle.scoreGradMedian - result.stats.scoreGradMedian) < 1e-9)
        #expect(abs(middle.scoreGradMax - result.stats.scoreGradMax) < 1e-9)
        #expect(middle.sampledRows == 24)
        var alpha = params
        alpha.alpha = 2
        let doubled = try engine.compute(alpha)
        #expect(abs(curve[28].scoreGradMean - doubled.stats.scoreGradMean) < 1e-9)
        #expect(abs(curve[28].scoreGradMedian - doubled.stats.scoreGradMedian) < 1e-9)
        alpha.alpha = 1.0 / 64
        let tiny = try engine.compute(alpha)
        #expect(curve[0].unsafeRowsFP16 == tiny.stats.unsafeRowsFP16)
        #expect(abs(curve[0].scoreGradMax - tiny.stats.scoreGradMax) < 1e-9 * tiny.stats.scoreGradMax)
    }

    /// Claim (6) on the curve: from √d_k down to √d_k/64 the median gradient collapses while the
    /// largest grows; naive fp16 breaks only at the small-divisor end.
    @Test func curveShowsTheMedianDyingAndTheMaxGrowingAsTheDivisorShrinks() throws {
        let engine = AttentionEngine()
        let curve = try engine.divisorCurve(AttentionParams(n: 64, dk: 64, seed: 2))
        let standard = curve[24], tiny = curve[0]
        #expect(tiny.scoreGradMedian < standard.scoreGradMedian / 10)
        #expect(tiny.scoreGradMax > standard.scoreGradMax)
        #expect(tiny.unsafeRowsFP16 > 0.5)
        #expect(standard.unsafeRowsFP16 == 0 && curve[48].unsafeRowsFP16 == 0)
        #expect(curve.allSatisfy { $0.scoreGradMedian <= $0.scoreGradMax })
    }

    @Test func theSoftmaxGradientPeaksBetweenOneHotAndFlat() throws {
        let engine = AttentionEngine()
        let curve = try engine.divisorCurve(AttentionParams(n: 64, dk: 256), octaves: 6, points: 25)
        let peak = try #require(curve.max { $0.jacobianFroMean < $1.jacobianFroMean })
        #expect(abs(peak.octaves) < 3)
        #expect(curve.first!.jacobianFroMean < peak.jacobianFroMean / 2)
        #expect(curve.last!.jacobianFroMean < peak.jacobianFroMean / 2)
        // The gradient with respect to the raw dot products (‖J‖/s) falls away as rows flatten.
        #expect(curve.last!.scoreGradMean < curve[12].scoreGradMean / 20)
        #expect(
            zip(curve, curve.dropFirst()).allSatisfy { $0.entropyNormalizedMean <= $1.entropyNormalizedMean + 1e-12 })
    }
}
