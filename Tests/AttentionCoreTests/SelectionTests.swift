import TestSupport
import Testing

@testable import AttentionCore

/// The quickselect behind `score_grad_median`, against a full sort (the plain oracle).
@Suite struct SelectionTests {
    @Test func medianMatchesSortedMiddleForManyShapes() {
        var generator = SplitMix64(state: 7)
        for count in [1, 2, 3, 4, 5, 8, 17, 64, 101, 1000] {
            for duplicates in [false, true] {
                var values = (0..<count).map { _ in
                    duplicates ? Double(generator.next() % 4) : Double(generator.next() % 10_000) / 7
                }
                let sorted = values.sorted()
                let expected =
                    count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
                #expect(Selection.median(&values) == expected, "count \(count), duplicates \(duplicates)")
            }
        }
    }

    @Test func everyRankOfASmallArrayIsItsSortedValue() {
        let values: [Double] = [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]
        let sorted = values.sorted()
        for rank in values.indices {
            var copy = values
            #expect(Selection.select(&copy, rank: rank) == sorted[rank])
            #expect(
                copy[..<rank].allSatisfy { $0 <= sorted[rank] } && copy[(rank + 1)...].allSatisfy { $0 >= sorted[rank] }
            )
        }
    }

    @Test func emptyHasNoMedian() {
        var values: [Double] = []
        #expect(Selection.median(&values) == nil)
    }
}
