import Testing

@testable import attnview

/// The characters of `text` as the terminal reader hands them over.
private func raw(_ text: String) -> [TerminalInput] {
    text.unicodeScalars.map { .character($0) }
}

private func keys(_ text: String, final: Bool = true) -> [Key] {
    KeyDecoder.decode(raw(text), final: final).keys
}

@Suite struct KeyDecoderTests {
    @Test func plainCharactersAndControlsBecomeKeys() {
        #expect(keys("q?") == [.character("q"), .character("?")])
        #expect(keys("\t\r\n\u{7F}\u{8}") == [.tab, .enter, .enter, .backspace, .backspace])
        #expect(keys("\u{3}\u{0}\u{1A}") == [], "other control characters mean nothing")
    }

    /// Under TERM=xterm-256color in tmux End arrives as ESC [ 4 ~, which that terminfo does not list.
    @Test func endAndHomeInEverySpellingAreOneKey() {
        for end in ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF", "\u{1B}[1F"] {
            #expect(keys(end) == [.end], "\(end.debugDescription)")
        }
        for home in ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH"] {
            #expect(keys(home) == [.home], "\(home.debugDescription)")
        }
        #expect(keys("\u{1B}[5~\u{1B}[6~\u{1B}[2~\u{1B}[3~") == [.pageUp, .pageDown, .insert, .delete])
    }

    @Test func arrowsInBothModesAndWithShift() {
        #expect(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
        #expect(keys("\u{1B}OA\u{1B}OD") == [.up, .left])
        #expect(keys("\u{1B}[1;2D\u{1B}[1;2C") == [.shiftLeft, .shiftRight])
        #expect(keys("\u{1B}[1;5C\u{1B}[1;3A") == [], "Ctrl and Alt arrows are not bound: dropped whole")
    }

    @Test func functionKeysUpToF20() {
        #expect(keys("\u{1B}OP\u{1B}OS") == [.function(1), .function(4)])
        #expect(keys("\u{1B}[15~\u{1B}[24~") == [.function(5), .function(12)])
        #expect(keys("\u{1B}[1;2P\u{1B}[25~\u{1B}[34~") == [.function(13), .function(13), .function(20)])
        #expect(keys("\u{1B}[15;5~") == [], "modified function keys are dropped")
    }

    @Test func altAndAKeyIsOneKeyNotEscThenTheKey() {
        #expect(keys("\u{1B}q") == [.alt("q")])
        #expect(keys("\u{1B}x\u{1B}?") == [.alt("x"), .alt("?")])
        #expect(KeyDecoder.decode([.escape, .key(.up)], final: true).keys == [], "Alt+↑ from ncurses")
        #expect(keys("\u{1B}\u{1B}[A") == [], "Alt+↑ as ESC ESC [ A")
    }

    @Test func bracketedPasteMarkersAndMouseReportsAreDropped() {
        #expect(keys("\u{1B}[200~hi\u{1B}[201~") == [.character("h"), .character("i")])
        #expect(keys("\u{1B}[<0;12;5M\u{1B}[<0;12;5m") == [], "SGR mouse press and release")
        #expect(keys("\u{1B}[M !!q") == [.character("q")], "X10 mouse: three raw bytes after ESC [ M")
        #expect(keys("\u{1B}[?1;2c") == [], "a device attributes reply")
    }

    @Test func aLoneEscapeIsEscOnlyWhenNothingMoreComes() {
        #expect(keys("\u{1B}") == [.escape])
        #expect(keys("\u{1B}\u{1B}") == [.escape, .escape])
        let waiting = KeyDecoder.decode(raw("q\u{1B}"), final: false)
        #expect(waiting.keys == [.character("q")])
        #expect(waiting.pending == raw("\u{1B}"))
    }

    @Test func aSequenceCutOffWaitsForItsRestOrIsDroppedWhole() {
        let cut = KeyDecoder.decode(raw("j\u{1B}[4"), final: false)
        #expect(cut.keys == [.character("j")])
        #expect(cut.pending == raw("\u{1B}[4"))
        #expect(KeyDecoder.decode(cut.pending + raw("~k"), final: false).keys == [.end, .character("k")])
        #expect(keys("\u{1B}[4") == [], "nothing more came: dropped, not read as Esc [ 4")
        #expect(keys("\u{1B}O") == [])
        #expect(KeyDecoder.decode(raw("\u{1B}[M!"), final: false).pending == raw("\u{1B}[M!"))
    }

    @Test func aMalformedSequenceIsDroppedAndTheNextKeyStillCounts() {
        #expect(keys("\u{1B}[4\u{7}j") == [.character("j")])
        #expect(keys("\u{1B}[12\u{1B}[A") == [.up])
        #expect(KeyDecoder.decode(raw("\u{1B}[1") + [.key(.left)], final: true).keys == [.left])
    }

    @Test func keysNcursesDecodedPassThrough() {
        #expect(
            KeyDecoder.decode([.key(.pageDown), .character("q")], final: false).keys == [.pageDown, .character("q")])
    }

    /// The parser itself: how much of the input after ESC one sequence takes.
    @Test func escapeSequenceLengths() {
        #expect(EscapeSequence.parse(raw("[4~q")[...]) == .complete(.end, length: 3))
        #expect(EscapeSequence.parse(raw("[200~")[...]) == .complete(nil, length: 5))
        #expect(EscapeSequence.parse(raw("q")[...]) == .complete(.alt("q"), length: 1))
        #expect(EscapeSequence.parse(raw("[")[...]) == .incomplete)
        #expect(EscapeSequence.parse(raw("")[...]) == .incomplete)
    }
}
