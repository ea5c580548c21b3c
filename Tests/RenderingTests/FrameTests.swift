import Testing

@testable import Rendering

@Test func plainTextTrimsTrailingBlanks() {
    var frame = Frame(width: 6, height: 2)
    frame.put("ab", x: 1, y: 0)
    #expect(frame.plainText() == " ab\n\n")
}

@Test func writesOutsideTheFrameAreIgnored() {
    var frame = Frame(width: 3, height: 1)
    frame.put("abcdef", x: -1, y: 0)
    frame.put("zz", x: 0, y: 5)
    #expect(frame.plainText() == "bcd\n")
}

@Test func ansiEmitsOnlyStyleChanges() {
    var frame = Frame(width: 6, height: 1)
    let red = CellStyle(foreground: .indexed(1))
    frame.put("ab", x: 0, y: 0, style: red)
    frame.put("cd", x: 2, y: 0, style: red.with(.bold))
    frame.put("e", x: 4, y: 0, style: CellStyle(foreground: .rgb(1, 2, 3), background: .indexed(200)))
    #expect(frame.ansiText() == "\u{1B}[31mab\u{1B}[1mcd\u{1B}[0;38;2;1;2;3;48;5;200me\u{1B}[0m\n")
}

@Test func ansiUsesSixteenColourCodesBelowSixteen() {
    #expect(ANSI.code(.indexed(3), foreground: true) == "33")
    #expect(ANSI.code(.indexed(12), foreground: false) == "104")
    #expect(ANSI.code(.indexed(100), foreground: true) == "38;5;100")
    #expect(ANSI.code(.default, foreground: false) == "49")
}

@Test func ansiKeepsColouredTrailingBlanks() {
    var frame = Frame(width: 4, height: 1)
    frame[2, 0] = Cell(" ", background: .indexed(4))
    #expect(frame.ansiText() == "  \u{1B}[44m \u{1B}[0m\n")
}

@Test func ansiWithoutStylesIsThePlainText() {
    var frame = Frame(width: 5, height: 2)
    frame.put("hi ▀", x: 0, y: 1)
    #expect(frame.ansiText() == frame.plainText())
}

@Test func rectSplitsCoverTheWhole() {
    let rect = Rect(x: 2, y: 3, width: 11, height: 7)
    let columns = rect.columns(3)
    #expect(columns.map(\.width) == [4, 4, 3])
    #expect(columns.last?.maxX == rect.maxX)
    let (top, rest) = rect.splitTop(2)
    #expect(top.height == 2 && rest.y == 5 && rest.height == 5)
    #expect(rect.intersection(Rect(x: 10, y: 0, width: 10, height: 4)) == Rect(x: 10, y: 3, width: 3, height: 1))
}
