import AttentionCore
import TestSupport
import Testing

@testable import Rendering

/// The `?` overlay explains the screen: every key the app hands it, and one line per panel on screen.
struct AppHelpOverlayTests {
    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func helpListsEveryKeyAndEveryPanelOnScreen(size: (width: Int, height: Int)) throws {
        let (result, curve) = try SampleResults.withCurve(AttentionParams())
        let renderer = ScreenRenderer(theme: .fallback, depth: .none)
        let text = renderer.render(
            result: result, curve: curve, view: ViewState(showHelp: true), keys: .app(ViewState(showHelp: true)),
            width: size.width, height: size.height
        ).plainText()
        for row in ScreenKeys.app(ViewState(showHelp: true)).help {
            #expect(text.contains(row.keys), "\(row.keys) at \(size)")
            #expect(text.contains(row.text), "\(row.text) at \(size)")
        }
        let layout = try #require(
            ScreenLayout(
                width: size.width, height: size.height, rows: 64, cols: 64,
                styles: ThemeStyles(theme: .fallback, depth: .none, ascii: false)))
        let panels = PanelGuide.lines(layout: layout, glyphs: .unicode)
        #expect(panels.count >= (size.width == 80 ? 6 : 8))
        for line in panels {
            #expect(text.contains(line.panel + (size.width == 80 ? ":" : "")), "\(line.panel) at \(size)")
            // Wrapped at 80 × 24: its last word still shows.
            #expect(text.contains(String(line.text.split(separator: " ").last ?? "")), "\(line.text) at \(size)")
        }
    }
}
