import TensorFiles
import Testing

@testable import AttentionCore

@Suite struct HeadSummaryTests {
    /// Deterministic, uneven Q and K for one head (values in about ±2).
    static func head(tokens: Int, width: Int, seed: Int) -> HeadInputs {
        func matrix(_ salt: Int) -> Matrix {
            Matrix(
                rows: tokens, cols: width,
                values: (0..<(tokens * width)).map { Float(((($0 + 1) * (seed + salt) * 7919) % 401) - 200) / 100 })
        }
        return HeadInputs(queries: matrix(3), keys: matrix(11))
    }

    @Test func summaryMatchesTheEnginesStatisticsAtTheSameDivisor() throws {
        let head = Self.head(tokens: 20, width: 12, seed: 5)
        for params in [
            AttentionParams(dk: 12), AttentionParams(dk: 8, scale: .dk, alpha: 0.5),
            AttentionParams(dk: 12, scale: .none, causal: true),
        ] {
            let expected = try AttentionEngine().compute(q: head.queries, k: head.keys, params: params)
            let summary = HeadSummary.summary(of: head, params: params)
            #expect(abs(summary.entropyNormalizedMean - expected.stats.entropyNormalizedMean) < 1e-12)
            #expect(abs(summary.maxWeightMean - expected.stats.maxWeightMean) < 1e-12)
            #expect(summary.regime == expected.stats.regime)
        }
    }

    @Test func dkLargerThanTheHeadUsesTheWholeHead() {
        let head = Self.head(tokens: 6, width: 4, seed: 2)
        let whole = HeadSummary.summary(of: head, params: AttentionParams(dk: 4))
        #expect(HeadSummary.summary(of: head, params: AttentionParams(dk: 64)) == whole)
        #expect(HeadSummary.summary(of: head, params: AttentionParams(dk: AttentionParams.allFileColumns)) == whole)
    }

    @Test func aLargerDivisorFlattensEveryHead() {
        let heads = (0..<2).map { layer in (0..<3).map { Self.head(tokens: 16, width: 8, seed: 3 * layer + $0 + 1) } }
        let standard = HeadSummary.summaries(of: heads, params: AttentionParams(dk: 8))
        let flattened = HeadSummary.summaries(of: heads, params: AttentionParams(dk: 8, alpha: 8))
        #expect(standard.map(\.count) == [3, 3])
        for (before, after) in zip(standard.joined(), flattened.joined()) {
            #expect(after.entropyNormalizedMean > before.entropyNormalizedMean)
        }
        #expect(standard[1][2] == HeadSummary.summary(of: heads[1][2], params: AttentionParams(dk: 8)))
    }

    @Test func thumbnailAveragesBlocksOfTokens() {
        let weights = Matrix(rows: 3, cols: 4, values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
        let thumbnail = HeadSummary.thumbnail(of: weights, side: 2)
        #expect(thumbnail.rows == 2 && thumbnail.cols == 2)
        let expected: [Float] = [3.5, 5.5, 9.5, 11.5]  // (1+2+5+6)/4, (3+4+7+8)/4, (9+10)/2, (11+12)/2
        #expect(thumbnail.values == expected)
        #expect(HeadSummary.thumbnail(of: weights, side: 16) == weights, "small matrices are kept as they are")
        let summary = HeadSummary.summary(of: Self.head(tokens: 40, width: 4, seed: 1), params: AttentionParams(dk: 4))
        #expect(summary.thumbnail.rows == 14 && summary.thumbnail.cols == 14, "blocks of 3 tokens, 40 → 14")
        let rowSums = (0..<14).map { row in (0..<14).reduce(Float(0)) { $0 + summary.thumbnail[row, $1] } }
        #expect(rowSums.allSatisfy { $0 > 0 && $0 < 1 }, "block means of softmax rows")
    }

    @Test func emptyOrMismatchedHeadsGiveAnEmptySummary() {
        let bad = HeadInputs(queries: Matrix(rows: 2, cols: 3), keys: Matrix(rows: 2, cols: 4))
        #expect(HeadSummary.summary(of: bad, params: AttentionParams()).thumbnail.rows == 0)
    }
}
