import AttentionCore
import Testing

@testable import attnview

@Suite struct EffectTests {
    @Test func heldKeysComputeOnceWithTheCurveAfterTheResult() {
        let first = AttentionParams(dk: 128), last = AttentionParams(dk: 256)
        let refreshes = Refresh.coalesced([
            .compute(first), .curve, .theme("magma"), .compute(last), .theme("viridis"), .grid, .curve, .grid,
        ])
        #expect(refreshes == [.compute(last), .curve, .theme("viridis"), .grid])
    }

    @Test func nothingWaitingIsNothingToDo() {
        #expect(Refresh.coalesced([]) == [])
        #expect(Refresh.coalesced([.curve, .curve]) == [.curve])
    }
}
