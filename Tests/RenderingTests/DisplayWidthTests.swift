import Testing

@testable import Rendering

@Test func displayWidthCountsWideAndZeroWidthGraphemes() {
    #expect(DisplayWidth.of("a" as Character) == 1)
    #expect(DisplayWidth.of("é" as Character) == 1, "precomposed")
    #expect(DisplayWidth.of("e\u{301}" as Character) == 1, "e + combining acute is one cell")
    #expect(DisplayWidth.of("東" as Character) == 2)
    #expect(DisplayWidth.of("ｱ" as Character) == 1, "halfwidth katakana")
    #expect(DisplayWidth.of("Ａ" as Character) == 2, "fullwidth Latin")
    #expect(DisplayWidth.of("한" as Character) == 2)
    #expect(DisplayWidth.of("😀" as Character) == 2)
    #expect(DisplayWidth.of("👍🏽" as Character) == 2, "emoji with a skin-tone modifier: drawn as 👍")
    #expect(DisplayWidth.of("❤️" as Character) == 1, "the emoji selector dropped: terminals disagree on it")
    #expect(DisplayWidth.of("❤" as Character) == 1, "the same heart without it stays text")
    #expect(DisplayWidth.of("🇫🇷" as Character) == 2, "a flag as its two letters")
    #expect(DisplayWidth.of("कि" as Character) == 2, "a spacing vowel sign takes its own cell")
    #expect(DisplayWidth.of("▀" as Character) == 1)
    #expect(DisplayWidth.of("\u{7}" as Character) == 0)
    #expect(DisplayWidth.of("\u{301}" as Character) == 0, "a lone combining mark")
    #expect(DisplayWidth.of("東京 café 😀") == 2 + 2 + 1 + 4 + 1 + 2)
}

@Test func displayWidthCutsAtWholeGraphemes() {
    #expect(DisplayWidth.prefix("東京タワー", fitting: 5) == "東京")
    #expect(DisplayWidth.abbreviated("東京タワー", to: 5) == "東京…")
    #expect(DisplayWidth.abbreviated("cat", to: 3) == "cat")
    #expect(DisplayWidth.abbreviated("kitten", to: 4) == "kit…")
    #expect(DisplayWidth.abbreviated("kitten", to: 0) == "")
}

@Test func wideCharactersTakeTwoCellsInFramesAndText() {
    var frame = Frame(width: 8, height: 1)
    let end = frame.put("a東b", x: 0, y: 0, style: CellStyle())
    #expect(end == 4)
    #expect(frame[1, 0].character == "東" && frame[2, 0].isContinuation)
    #expect(frame.plainText() == "a東b\n")
    #expect(frame.ansiText() == "a東b\n")
    var clipped = Frame(width: 8, height: 1)
    #expect(clipped.put("ab東", x: 0, y: 0, style: CellStyle(), limit: 3) == 2, "no half of a wide character")
    #expect(clipped.plainText() == "ab\n")
    var overwritten = frame
    overwritten[1, 0] = Cell("x")
    #expect(overwritten.plainText() == "ax b\n", "an orphaned right half shows as a blank")
    var ascii = frame
    ascii.makeASCII()
    #expect(ascii.plainText() == "a??b\n", "ASCII keeps the columns")
}

/// Every writer goes through the width-aware `put`: a wide token in a panel title or the status
/// bar takes its two cells, so each row still spans exactly the frame's columns on a terminal.
@Test func wideTokensInTitlesAndTheStatusBarKeepRowsAtTheFrameWidth() {
    let styles = ThemeStyles(theme: .fallback, depth: .none, ascii: false)
    var frame = Frame(width: 40, height: 4)
    Panel(TitleOnly(title: "東京 (8) attends to")).draw(
        into: &frame, area: Rect(x: 0, y: 0, width: 40, height: 3), styles: styles)
    StatusBar(message: "weights view · L1 H3 · 東京", hints: ScreenKeys.sample().hints).draw(
        into: &frame, area: Rect(x: 0, y: 3, width: 40, height: 1), styles: styles)
    for y in 0..<frame.height {
        #expect(DisplayWidth.of(String(frame.visibleCharacters(row: y))) == 40, "row \(y)")
    }
    #expect(frame.plainText().contains("東京 (8) attends to") && frame.plainText().contains("L1 H3 · 東京"))
}

/// A panel body that draws nothing, for checking the panel's own title.
private struct TitleOnly: PanelContent {
    let title: String
    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading { PanelHeading(title: title) }
    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {}
}
