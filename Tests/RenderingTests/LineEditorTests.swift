import Testing

@testable import Rendering

private func edited(_ text: String, _ edits: [LineEditor.Edit]) -> LineEditor {
    edits.reduce(LineEditor(text: text)) { $0.applying($1) }
}

@Test func lineEditorMovesAndDeletesWholeGraphemes() {
    let editor = edited("café 東京 👍🏽", [.moveLeft, .moveLeft])
    #expect(editor.cursor == 7)
    let removed = editor.applying(.deleteBackward)
    #expect(removed.text == "café 東 👍🏽" && removed.cursor == 6)
    #expect(removed.applying(.deleteForward).text == "café 東👍🏽")
    #expect(edited("café", [.deleteBackward]).text == "caf")
    #expect(edited("e\u{301}x", [.moveLeft, .deleteBackward]).text == "x", "e + combining mark is one step")
}

@Test func lineEditorInsertsAtTheCursorAndClampsMoves() {
    var editor = LineEditor(text: "the cat")
    #expect(editor.cursor == 7)
    editor.apply(.moveToStart)
    editor.apply(.moveLeft)
    #expect(editor.cursor == 0)
    editor.apply(.insert("東京 "))
    #expect(editor.text == "東京 the cat" && editor.cursor == 3)
    editor.apply(.moveToEnd)
    editor.apply(.moveRight)
    #expect(editor.cursor == editor.text.count)
    editor.apply(.insert("s\u{7}\n"))
    #expect(editor.text == "東京 the cats", "control characters are dropped")
    #expect(edited("e", [.insert("\u{301}")]).text == "é" && edited("e", [.insert("\u{301}")]).cursor == 1)
    #expect(edited("ab", [.deleteForward]).text == "ab", "Delete at the end does nothing")
    #expect(edited("ab", [.moveToStart, .deleteBackward]).text == "ab", "Backspace at the start does nothing")
}

@Test func lineEditorClearsLinesAndDeletesWords() {
    #expect(edited("the cat sat", [.clear]) == LineEditor(text: ""))
    let word = edited("the cat sat  ", [.deleteWordBackward])
    #expect(word.text == "the cat " && word.cursor == 8, "the spaces and the word before them")
    let middle = edited("the cat sat", [.moveLeft, .moveLeft, .moveLeft, .moveLeft, .deleteWordBackward])
    #expect(middle.text == "the  sat" && middle.cursor == 4)
    #expect(edited("東京 タワー", [.deleteWordBackward, .deleteWordBackward]).text == "")
}

@Test func lineEditorScrollsToKeepTheCursorVisible() {
    let long = LineEditor(text: "abcdefghij")
    #expect(long.scrollOffset(width: 20) == 0)
    #expect(long.scrollOffset(width: 5) == 6, "four letters and the cursor cell after them")
    #expect(long.applying(.moveToStart).scrollOffset(width: 5) == 0)
    var frame = Frame(width: 7, height: 1)
    long.draw(into: &frame, x: 1, y: 0, width: 5, style: CellStyle())
    #expect(frame.plainText() == " ghij\n")
    #expect(frame[5, 0].attributes.contains(.reverse), "the cursor after the text is a reversed blank")
    let wide = LineEditor(text: "東京タワー").applying(.moveLeft)
    #expect(wide.scrollOffset(width: 6) == 2, "タ ワ and the cursor on ー: 6 cells")
    var wideFrame = Frame(width: 6, height: 1)
    wide.draw(into: &wideFrame, x: 0, y: 0, width: 6, style: CellStyle())
    #expect(wideFrame.plainText() == "タワー\n")
    #expect(wideFrame[4, 0].attributes.contains(.reverse) && wideFrame[5, 0].attributes.contains(.reverse))
    var narrow = Frame(width: 3, height: 1)
    LineEditor(text: "東京").applying(.moveToStart).draw(into: &narrow, x: 0, y: 0, width: 3, style: CellStyle())
    #expect(narrow.plainText() == "東\n", "a wide character that would straddle the edge is left out")
}
