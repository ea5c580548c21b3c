import AttentionCore
import Testing

@testable import Rendering

/// The `?` overlay's panel guide: one line per panel on screen, wrapped to fit (the app's keys in
/// the overlay are checked by attnviewTests' AppHelpOverlayTests).
struct HelpOverlayTests {
    @Test func panelLinesFollowTheLayout() throws {
        let styles = ThemeStyles(theme: .fallback, depth: .none, ascii: false)
        let small = try #require(ScreenLayout(width: 80, height: 24, rows: 64, cols: 64, styles: styles))
        let large = try #require(ScreenLayout(width: 120, height: 40, rows: 64, cols: 64, styles: styles))
        let smallNames = PanelGuide.lines(layout: small, glyphs: .unicode).map(\.panel)
        let largeNames = PanelGuide.lines(layout: large, glyphs: .unicode).map(\.panel)
        #expect(!smallNames.contains("row panel") && !smallNames.contains("divisor sweep"))
        #expect(largeNames.contains("row panel") && largeNames.contains("divisor sweep"))
        #expect(largeNames.first == "heatmap" && largeNames.contains("H/ln m strip"))
    }

    @Test func wrapBreaksAtSpacesAndCutsLongWords() {
        #expect(PanelGuide.wrap("a bb ccc dddd", width: 6) == ["a bb", "ccc", "dddd"])
        #expect(PanelGuide.wrap("abcdefgh", width: 3) == ["abc", "def", "gh"])
        #expect(PanelGuide.wrap("", width: 5) == [])
    }
}
