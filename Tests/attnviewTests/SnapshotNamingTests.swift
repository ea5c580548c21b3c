import AttentionCore
import Foundation
import Testing

@testable import attnview

@Suite struct SnapshotNamingTests {
    private let noon = Date(timeIntervalSince1970: 1_795_534_212)  // 2026-11-24 15:30:12 UTC

    @Test func nameSaysWhenAndWhat() {
        let utc = TimeZone(identifier: "UTC") ?? .current
        #expect(
            SnapshotNaming.stem(params: AttentionParams(), date: noon, timeZone: utc)
                == "attnview-20261124-153012-dk64-sqrt")
        let halved = AttentionParams(dk: 512, scale: .dk, alpha: 0.5)
        #expect(
            SnapshotNaming.stem(params: halved, date: noon, timeZone: utc) == "attnview-20261124-153012-dk512-dk-a0.5")
        #expect(SnapshotNaming.divisorLabel(AttentionParams(scale: .fixed(12.5))) == "s12.5")
        #expect(
            SnapshotNaming.stem(params: AttentionParams(), date: noon, timeZone: utc, compare: true)
                == "attnview-20261124-153012-dk64-sqrt-compare")
    }

    @Test func takenNamesGetANumberedSuffix() {
        #expect(SnapshotNaming.candidates(stem: "a", count: 3) == ["a", "a-2", "a-3"])
    }
}
