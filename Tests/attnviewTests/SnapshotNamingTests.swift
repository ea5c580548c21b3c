import AttentionCore
import Foundation
import Testing

@testable import attnview

@Suite struct SnapshotNamingTests {
    private let noon = Date(timeIntervalSince1970: 1_795_534_212)  // 2026-11-24 15:30:12 UTC

    @Test func nameSaysWhenAndWhat() {
        let utc = TimeZone(identifier: "UTC") ?? .current
        #expect(SnapshotNaming.stem(params: AttentionParams(), date: noon, timeZone: utc) == "attnview-20261124-153012-dk64-sqrt")
        let halved = AttentionParams(dk: 512, scale: .dk, alpha: 0.5)
        #expect(SnapshotNaming.stem(params: halved, date: noon, timeZone: utc) == "attnview-20261124-153012-dk512-dk-a0.5")
        #expect(SnapshotNaming.divisorLabel(AttentionParams(scale: .fixed(12.5))) == "s12.5")
    }

    @Test func takenNamesGetANumberedSuffix() {
        #expect(SnapshotNaming.candidates(stem: "a", count: 3) == ["a", "a-2", "a-3"])
    }

    @Test func commandLineReproducesTheState() {
        var state = AppState(
            params: AttentionParams(n: 32, dk: 128, seed: 7, rho: 0.5, scale: .none, alpha: 2, causal: true),
            themeName: "magma", themeNames: [], width: 100, height: 30)
        state.params.m = 16
        #expect(
            SnapshotCommandLine.make(state: state, displayFlags: ["--ascii"])
                == "attnview snapshot --n 32 --m 16 --dk 128 --seed 7 --rho 0.5 --scale none --alpha 2.0 --causal --theme magma --ascii --width 100 --height 30 --format text")
    }

    @Test func commandLineQuotesPaths() {
        #expect(SnapshotCommandLine.quoted("my file's.npy") == "'my file'\\''s.npy'")
        #expect(SnapshotCommandLine.quoted("data/q.npy") == "data/q.npy")
    }
}
