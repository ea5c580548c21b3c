import TensorFiles
import Testing

@testable import AttentionCore

@Suite struct HeadRankingTests {
    @Test func orderIsStableWithMissingValuesLast() {
        let values: [Double?] = [0.5, nil, 0.9, 0.5, .nan, 0.1]
        #expect(HeadRanking.order(values, descending: false) == [5, 0, 3, 2, 1, 4])
        #expect(HeadRanking.order(values, descending: true) == [2, 0, 3, 5, 1, 4])
        #expect(HeadRanking.order([], descending: true) == [])
    }

    /// One row of softmax is the engine's whole matrix at that row, under every divisor option and the mask.
    @Test func weightFromToIsTheEnginesWeight() throws {
        let head = HeadSummaryTests.head(tokens: 12, width: 10, seed: 7)
        for params in [
            AttentionParams(dk: 10), AttentionParams(dk: 6, scale: .dk, alpha: 0.5),
            AttentionParams(dk: 10, scale: .none, causal: true), AttentionParams(dk: 10, scale: .fixed(2.5)),
        ] {
            let weights = try AttentionEngine().compute(q: head.queries, k: head.keys, params: params).weights
            var worst = 0.0
            for from in 0..<12 {
                for to in 0..<12 {
                    worst = max(worst, abs(head.weight(from: from, to: to, params: params) - Double(weights[from, to])))
                }
            }
            // The engine's weights are float32: 1e-6 is a few of their ulps at weights ≤ 1.
            #expect(worst < 1e-6, "\(params)")
        }
        let causal = AttentionParams(dk: 10, causal: true)
        #expect(head.weight(from: 2, to: 3, params: causal) == 0)
        #expect(abs((0...2).map { head.weight(from: 2, to: $0, params: causal) }.reduce(0, +) - 1) < 1e-12)
    }
}
