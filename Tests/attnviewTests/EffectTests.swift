import AttentionCore
import Testing

@testable import attnview

@Suite struct EffectTests {
    @Test func heldKeysComputeOnceWithTheCurveAfterTheResult() {
        let first = AttentionParams(dk: 128), last = AttentionParams(dk: 256)
        let effects = Effect.coalesced([
            .compute(first), .computeCurve, .loadTheme("magma"), .compute(last), .loadTheme("viridis"),
        ])
        #expect(effects == [.compute(last), .computeCurve, .loadTheme("viridis")])
    }

    @Test func nothingWaitingIsNothingToDo() {
        #expect(Effect.coalesced([]) == [])
        #expect(Effect.coalesced([.computeCurve, .computeCurve]) == [.computeCurve])
    }

    @Test func onlyPictureWorkWaitsForTheKeys() {
        #expect(Effect.compute(AttentionParams()).catchesUp && Effect.computeCurve.catchesUp)
        #expect(Effect.loadTheme("x").catchesUp)
        #expect(!Effect.save(json: false).catchesUp && !Effect.quit.catchesUp)
    }
}
