import AttentionCore
import Foundation
import Testing

/// Each row's H / ln m, recomputed here from the weights themselves, and the rows the jump keys pick.
struct RowSharpnessTests {
    @Test(arguments: [
        AttentionParams(n: 16, dk: 32), AttentionParams(n: 16, dk: 256, scale: .none),
        AttentionParams(n: 12, m: 8, causal: true), AttentionParams(n: 8, m: 12, rho: 0.9, causal: true),
    ])
    func normalizedEntropyIsEachRowsEntropyOverLnVisibleKeys(params: AttentionParams) throws {
        let result = try AttentionEngine().compute(params)
        let sharpness = RowSharpness(result: result)
        #expect(sharpness.normalizedEntropy.count == result.params.n)
        for row in 0..<result.params.n {
            let keys = result.visibleKeys(row: row)
            guard keys.count > 1 else {
                #expect(sharpness.normalizedEntropy[row] == nil, "row \(row) has no choice")
                continue
            }
            let entropy = keys.reduce(0.0) { sum, key in
                let p = Double(result.weights[row, key])
                return p > 0 ? sum - p * log(p) : sum
            }
            let value = try #require(sharpness.normalizedEntropy[row])
            #expect(abs(value - entropy / log(Double(keys.count))) < 1e-5, "row \(row)")
        }
    }

    @Test func sharpestAndFlattestAreTheExtremesFirstOfTies() {
        let sharpness = RowSharpness(normalizedEntropy: [nil, 0.5, 0.1, 0.9, 0.1, 0.9, nil])
        #expect(sharpness.sharpest == 2)
        #expect(sharpness.flattest == 3)
        #expect(RowSharpness(normalizedEntropy: [nil, nil]).sharpest == nil)
        #expect(RowSharpness(normalizedEntropy: []).flattest == nil)
    }

    @Test func unscaledLargeDkHasARowNearOneHot() throws {
        let result = try AttentionEngine().compute(AttentionParams(dk: 1024, scale: .none))
        let sharpness = RowSharpness(result: result)
        let sharpest = try #require(sharpness.sharpest)
        let flattest = try #require(sharpness.flattest)
        #expect((sharpness.normalizedEntropy[sharpest] ?? 1) < 0.001)
        #expect((sharpness.normalizedEntropy[flattest] ?? 0) > (sharpness.normalizedEntropy[sharpest] ?? 1))
        let peak = (0..<64).map { Double(result.weights[sharpest, $0]) }.max() ?? 0
        #expect(peak > 0.999, "the sharpest row is one-hot: max weight \(peak)")
    }
}
