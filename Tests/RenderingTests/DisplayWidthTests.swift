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
    #expect(DisplayWidth.of("👍🏽" as Character) == 2, "emoji with a skin-tone modifier")
    #expect(DisplayWidth.of("❤️" as Character) == 2, "text-default heart with the emoji selector")
    #expect(DisplayWidth.of("❤" as Character) == 1, "the same heart without it stays text")
    #expect(DisplayWidth.of("🇫🇷" as Character) == 2)
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
    let end = frame.putText("a東b", x: 0, y: 0, style: CellStyle())
    #expect(end == 4)
    #expect(frame[1, 0].character == "東" && frame[2, 0].isContinuation)
    #expect(frame.plainText() == "a東b\n")
    #expect(frame.ansiText() == "a東b\n")
    var clipped = Frame(width: 8, height: 1)
    #expect(clipped.putText("ab東", x: 0, y: 0, style: CellStyle(), maxWidth: 3) == 2, "no half of a wide character")
    #expect(clipped.plainText() == "ab\n")
    var overwritten = frame
    overwritten[1, 0] = Cell("x")
    #expect(overwritten.plainText() == "ax b\n", "an orphaned right half shows as a blank")
    var ascii = frame
    ascii.makeASCII()
    #expect(ascii.plainText() == "a??b\n", "ASCII keeps the columns")
}
