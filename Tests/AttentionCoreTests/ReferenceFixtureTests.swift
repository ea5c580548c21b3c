import Testing

@testable import AttentionCore

/// Tolerance against numpy: the engine multiplies in float32 (sgemm, as it does for users) while
/// the reference is float64 from the same float32 inputs; over d_k ≤ 256 summands the rounding
/// stays below 1e-5 of the values' scale. Weights below 1e-6 are compared absolutely (1e-11).
private let tolerance = 1e-5

private func isClose(_ actual: Double, _ expected: Double, scale: Double = 0) -> Bool {
    abs(actual - expected) <= tolerance * max(abs(expected), scale)
}

@Suite struct ReferenceFixtureTests {
    let engine = AttentionEngine()

    @Test(arguments: ReferenceFixture.names)
    func logitsAndWeightsMatchNumpy(name: String) throws {
        let fixture = try ReferenceFixture.load(name)
        let result = try engine.compute(q: fixture.queries, k: fixture.keys, params: fixture.params)
        #expect(result.divisor == fixture.divisor)
        let radius = fixture.logits.joined().compactMap { $0.map(abs) }.max() ?? 1
        for i in 0..<fixture.n {
            for j in 0..<fixture.m {
                if let expected = fixture.logits[i][j] {
                    let logit = Double(result.logits[i, j])
                    #expect(isClose(logit, expected, scale: radius), "\(name) logit[\(i),\(j)] \(logit) vs \(expected)")
                } else {
                    #expect(result.logits[i, j] == -.infinity, "\(name) masked logit[\(i),\(j)]")
                }
                let weight = Double(result.weights[i, j])
                let expected = fixture.weights[i][j] ?? 0
                #expect(isClose(weight, expected, scale: 1e-6), "\(name) weight[\(i),\(j)] \(weight) vs \(expected)")
            }
            if let expected = fixture.rowEntropy[i] {
                #expect(isClose(result.rowEntropy[i], expected, scale: 1e-6), "\(name) H[\(i)]")
            }
        }
    }

    @Test(arguments: ReferenceFixture.names)
    func statisticsMatchNumpy(name: String) throws {
        let fixture = try ReferenceFixture.load(name)
        let stats = try engine.compute(q: fixture.queries, k: fixture.keys, params: fixture.params).stats
        let expected = fixture.stats
        let pairs: [(String, Double, Double, Double)] = [
            ("logit_mean", stats.logitMean, expected.logitMean, expected.logitStd),
            ("logit_std", stats.logitStd, expected.logitStd, 0),
            ("entropy_mean", stats.entropyMean, expected.entropyMean, 1e-6),
            ("entropy_normalized_mean", stats.entropyNormalizedMean, expected.entropyNormalizedMean, 1e-6),
            ("max_weight_mean", stats.maxWeightMean, expected.maxWeightMean, 0),
            ("effective_tokens_mean", stats.effectiveTokensMean, expected.effectiveTokensMean, 0),
            ("jacobian_fro_mean", stats.jacobianFroMean, expected.jacobianFroMean, 1e-6),
            ("score_grad_mean", stats.scoreGradMean, expected.scoreGradMean, 1e-6 / fixture.divisor),
            ("score_grad_median", stats.scoreGradMedian, expected.scoreGradMedian, 1e-6 / fixture.divisor),
            ("score_grad_max", stats.scoreGradMax, expected.scoreGradMax, 1e-6 / fixture.divisor),
        ]
        for (key, actual, reference, scale) in pairs {
            #expect(isClose(actual, reference, scale: scale), "\(name) \(key): \(actual) vs \(reference)")
        }
        #expect(stats.regime.rawValue == expected.regime)
        #expect(stats.logitStdExpected == nil)
    }

    /// Row fractions are whole counts over the same rows, so they must agree exactly: the fixtures
    /// keep every row's log-sum-exp at least 1e-6 away from a format's limit.
    @Test(arguments: ReferenceFixture.names)
    func naiveSoftmaxRangesMatchNumpy(name: String) throws {
        let fixture = try ReferenceFixture.load(name)
        let stats = try engine.compute(q: fixture.queries, k: fixture.keys, params: fixture.params).stats
        let expected = fixture.stats
        #expect(stats.unsafeRowsFP16 == expected.unsafeRowsFp16, "\(name) unsafe_rows_fp16")
        #expect(stats.overflowRowsFP16 == expected.overflowRowsFp16, "\(name) overflow_rows_fp16")
        #expect(stats.unsafeRowsFP32 == expected.unsafeRowsFp32, "\(name) unsafe_rows_fp32")
        #expect(stats.overflowRowsFP32 == expected.overflowRowsFp32, "\(name) overflow_rows_fp32")
    }

    @Test(arguments: ReferenceFixture.names)
    func histogramCountsMatchNumpy(name: String) throws {
        let fixture = try ReferenceFixture.load(name)
        let result = try engine.compute(q: fixture.queries, k: fixture.keys, params: fixture.params)
        for expected in fixture.histograms {
            let logits = result.logitHistogram(bins: expected.bins)
            let weights = result.weightHistogram(bins: expected.bins)
            #expect(logits.counts == expected.logits, "\(name) logit counts, \(expected.bins) bins")
            #expect(isClose(logits.upper, expected.logitRadius), "\(name) logit radius")
            #expect(weights.counts == expected.weights, "\(name) weight counts, \(expected.bins) bins")
            #expect(weights.underflow == expected.weightsUnderflow, "\(name) weight underflow")
            if expected.bins == AttentionEngine.defaultBins {
                #expect(result.logitHistogram.counts == expected.logits)
                #expect(result.weightHistogram.counts == expected.weights)
            }
        }
    }
}
