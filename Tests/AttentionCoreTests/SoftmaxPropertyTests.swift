import Foundation
import TensorFiles
import Testing

@testable import AttentionCore

@Suite struct SoftmaxPropertyTests {
    let engine = AttentionEngine()

    @Test(arguments: [false, true])
    func rowsSumToOneAndEntropyStaysWithinBounds(causal: Bool) throws {
        let result = try engine.compute(AttentionParams(n: 20, m: 33, dk: 48, seed: 1, causal: causal))
        for row in 0..<20 {
            let keys = result.visibleKeys(row: row)
            let sum = keys.reduce(0.0) { $0 + Double(result.weights[row, $1]) }
            #expect(abs(sum - 1) < 1e-5)
            #expect(result.rowEntropy[row] >= 0)
            #expect(result.rowEntropy[row] <= log(Double(keys.count)) + 1e-12)
        }
    }

    @Test func addingAConstantToALogitRowChangesNothing() throws {
        // An extra dimension with q_i = c_i and k_j = 1 adds c_i / s to every logit of row i.
        let base = try engine.compute(AttentionParams(n: 8, m: 10, dk: 16, seed: 2))
        let inputs = AttentionInputs(generated: GeneratedRecipe(seed: 2, sigma: 1, rho: 0, n: 8, m: 10), dims: 16)
        let q = Matrix(rows: 16, cols: 8, values: inputs.queries).transposed
        let k = Matrix(rows: 16, cols: 10, values: inputs.keys).transposed
        let shifts: [Float] = [0, 1, -3, 40, 0.5, -17, 7, 100]
        var shiftedQ = Matrix(rows: 8, cols: 17)
        var shiftedK = Matrix(rows: 10, cols: 17, repeating: 1)
        for dim in 0..<16 {
            for row in 0..<8 { shiftedQ[row, dim] = q[row, dim] }
            for row in 0..<10 { shiftedK[row, dim] = k[row, dim] }
        }
        for row in 0..<8 { shiftedQ[row, 16] = shifts[row] }
        let shifted = try engine.compute(q: shiftedQ, k: shiftedK, params: AttentionParams(dk: 17, scale: .fixed(4)))
        for index in base.weights.values.indices {
            #expect(
                abs(shifted.weights.values[index] - base.weights.values[index]) <= 1e-5
                    * max(base.weights.values[index], 1e-3))
        }
        #expect(abs(shifted.stats.entropyMean - base.stats.entropyMean) < 1e-5)
    }

    @Test func tinyDivisorGivesOneHotRowsAndHugeDivisorUniformRows() throws {
        let sharp = try engine.compute(AttentionParams(n: 16, dk: 64, scale: .fixed(1e-6)))
        #expect(sharp.stats.maxWeightMean == 1)
        #expect(sharp.stats.entropyMean < 1e-12)
        #expect(sharp.stats.regime == .peaked)
        let flat = try engine.compute(AttentionParams(n: 16, dk: 64, scale: .fixed(1e6)))
        #expect(abs(flat.stats.entropyNormalizedMean - 1) < 1e-9)
        // Logits of order √64 / 1e6 move weights by at most a few parts in 1e5.
        #expect(flat.weights.values.allSatisfy { abs($0 * 16 - 1) < 1e-4 })
        #expect(flat.stats.regime == .flat)
    }

    @Test(arguments: [1, 65536])
    func extremeCornersStayFinite(dk: Int) throws {
        // The largest sigma at the largest d_k gives the largest dot products (overflow's corner);
        // generating 65536 dims twice would only slow the debug build.
        let sigmas = dk == 1 ? [Limits.sigma.lowerBound, Limits.sigma.upperBound] : [Limits.sigma.upperBound]
        for sigma in sigmas {
            for divisor in [Limits.divisor.lowerBound, 1, Limits.divisor.upperBound] {
                let result = try engine.compute(
                    AttentionParams(n: 2, m: 3, dk: dk, sigma: sigma, scale: .fixed(divisor)))
                #expect(result.logits.values.allSatisfy { $0.isFinite })
                #expect(result.weights.values.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 })
                let s = result.stats
                let values = [
                    s.logitMean, s.logitStd, s.entropyMean, s.entropyNormalizedMean, s.maxWeightMean,
                    s.effectiveTokensMean, s.jacobianFroMean, s.scoreGradMean, s.logitStdExpected ?? 0,
                ]
                #expect(values.allSatisfy { $0.isFinite }, "dk \(dk) sigma \(sigma) s \(divisor)")
            }
        }
    }

    @Test func nearlyOneHotRowsKeepAnAccurateJacobian() {
        // Z = 1 + 1e-12: p₁ = 1 − 1e-12, p₂ ≈ 1e-12; every entry of J is ±p₁p₂, so ‖J‖_F = 2·p₁p₂.
        var sums = SoftmaxRowSums()
        sums.add(shift: 0, exp: 1)
        sums.add(shift: log(1e-12), exp: 1e-12)
        #expect(abs(sums.jacobianFro / 2e-12 - 1) < 1e-9)
        #expect(sums.entropy > 0)
    }
}

@Suite struct HistogramTests {
    @Test(arguments: [1, 7, 64, 333])
    func countsAddUpToTheUnmaskedEntries(bins: Int) throws {
        let result = try AttentionEngine().compute(AttentionParams(n: 30, m: 20, dk: 32, scale: .none, causal: true))
        let unmasked = result.unmaskedCount
        #expect(unmasked == (0..<30).reduce(0) { $0 + max(0, min(20, $1 - 10 + 1)) })
        #expect(result.logitHistogram(bins: bins).total == unmasked)
        #expect(result.weightHistogram(bins: bins).total == unmasked)
        #expect(result.logitHistogram(bins: bins).counts.count == bins)
        #expect(result.logitHistogram.total == unmasked)
        #expect(result.weightHistogram.total == unmasked)
    }

    @Test func weightBinsFollowTheLog10Edges() {
        let values: [Float] = [0, 9.9e-9, 1e-8, 1.0001e-8, 0.0999, 0.1, 0.5, 1]
        let histogram = Histogram.weights(
            Matrix(rows: 1, cols: 8, values: values), mask: Mask(n: 1, m: 8, causal: false), bins: 8)
        #expect(histogram.underflow == 2)
        #expect(histogram.counts == [2, 0, 0, 0, 0, 0, 1, 3])
    }

    @Test func oddInputsNeverTrap() {
        let values: [Float] = [-0.0, -1, .nan, .infinity, 2, 1e-45]
        let matrix = Matrix(rows: 1, cols: 6, values: values)
        let mask = Mask(n: 1, m: 6, causal: false)
        #expect(Histogram.weights(matrix, mask: mask, bins: 0).total == 6)
        #expect(Histogram.logits(matrix, mask: mask, bins: 5).total == 6)
    }

    @Test func theoryCurveIntegratesToTheCountWithinRange() throws {
        let result = try AttentionEngine().compute(AttentionParams(n: 64, dk: 64))
        let histogram = result.logitHistogram(bins: 40)
        let curve = try #require(result.logitTheoryCurve(for: histogram))
        let expected = try #require(result.stats.logitStdExpected)
        let inside = erf(histogram.upper / (expected * 2.0.squareRoot()))
        #expect(abs(curve.reduce(0, +) - Double(histogram.total) * inside) < 1e-6 * Double(histogram.total))
        #expect(curve[20] > curve[0])
    }
}

@Suite struct RandomParameterTests {
    /// A fixed SplitMix64 stream, so any failure names a reproducible case.
    private struct Stream: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15  // SplitMix64's increment
            return GaussianGenerator.mix(state)
        }
    }

    @Test func randomParametersGiveFiniteConsistentResults() throws {
        var random = Stream(state: 2024)
        let engine = AttentionEngine()
        for trial in 0..<60 {
            let params = AttentionParams(
                n: Int.random(in: 1...24, using: &random), m: Int.random(in: 1...24, using: &random),
                dk: Int.random(in: 1...300, using: &random), seed: random.next(),
                sigma: pow(10, Double.random(in: -6...3, using: &random)),
                rho: Double.random(in: 0..<1, using: &random),
                scale: .fixed(pow(10, Double.random(in: -6...6, using: &random))), causal: Bool.random(using: &random))
            let result = try engine.compute(params)
            let label = "trial \(trial): \(params)"
            for row in 0..<params.n {
                let keys = result.visibleKeys(row: row)
                let sum = keys.reduce(0.0) { $0 + Double(result.weights[row, $1]) }
                #expect(keys.isEmpty ? sum == 0 : abs(sum - 1) < 1e-5, "\(label) row \(row)")
                #expect(result.rowEntropy[row] >= 0 && result.rowEntropy[row] <= log(Double(max(keys.count, 1))) + 1e-9)
            }
            let s = result.stats
            let values = [
                s.logitMean, s.logitStd, s.entropyMean, s.entropyNormalizedMean, s.maxWeightMean, s.jacobianFroMean,
            ]
            #expect(values.allSatisfy { $0.isFinite }, "\(label)")
            #expect(s.maxWeightMean > 0 && s.maxWeightMean <= 1 + 1e-12, "\(label)")
            #expect(result.logitHistogram.total == result.unmaskedCount)
            #expect(result.weightHistogram.total == result.unmaskedCount)
        }
    }
}
