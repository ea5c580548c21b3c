import Testing

@testable import Rendering

/// Fills its area with one character and says how wide it was given.
private struct Fill: PanelContent {
    let character: Character

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: "fill", note: "\(area.width) wide")
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        frame.fill(area, with: styles.text.cell(character))
    }
}

@Suite struct PanelTests {
    private let styles = ThemeStyles(theme: .fallback, depth: .none, ascii: false)

    @Test func aPanelBoxesItsWidgetAndAsksItForTheHeading() {
        var frame = Frame(width: 22, height: 4)
        Panel(Fill(character: "x")).draw(into: &frame, area: Rect(x: 0, y: 0, width: 22, height: 4), styles: styles)
        #expect(
            frame.plainText() == """
                ╭─ fill ─── 20 wide ─╮
                │xxxxxxxxxxxxxxxxxxxx│
                │xxxxxxxxxxxxxxxxxxxx│
                ╰────────────────────╯

                """)
    }

    @Test func anOpaquePanelBlanksWhatWasBelow() {
        var frame = Frame(width: 6, height: 3, filling: styles.text.cell("#"))
        Panel(Fill(character: " "), opaque: true).draw(
            into: &frame, area: Rect(x: 0, y: 0, width: 6, height: 1), styles: styles)
        #expect(frame.plainText().hasPrefix("\n######\n"))
    }

    @Test func aPanelTooSmallForItsBorderDrawsNothingInside() {
        var frame = Frame(width: 4, height: 4)
        Panel(Fill(character: "x")).draw(into: &frame, area: Rect(x: 0, y: 0, width: 1, height: 4), styles: styles)
        #expect(!frame.plainText().contains("x"))
    }
}
