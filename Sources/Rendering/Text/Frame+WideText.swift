extension Cell {
    /// What the right half of a wide character (東, 😀) holds: the wide character sits in the cell
    /// to its left, and text output and the terminal backend skip this one.
    static let continuationCharacter: Character = "\u{0}"

    /// Whether this cell is the right half of the wide character to its left.
    var isContinuation: Bool { character == Cell.continuationCharacter }
}

extension Frame {
    /// The characters of row `y` as a terminal shows them, one per `shownCharacter`.
    func visibleCharacters(row y: Int) -> [Character] {
        var characters: [Character] = []
        characters.reserveCapacity(width)
        for x in 0..<width {
            if let character = shownCharacter(x: x, y: y) { characters.append(character) }
        }
        return characters
    }

    /// What (x, y) puts on a terminal, the one rule for text, ANSI, SVG and the backend: nil for
    /// the right half of a whole wide character (its left half draws both cells); a blank for half
    /// a wide character whose other half was overwritten, or for a grapheme that takes no cell, so
    /// that every row spans exactly `width` cells.
    public func shownCharacter(x: Int, y: Int) -> Character? {
        let character = self[x, y].character
        if character.isASCII, character != Cell.continuationCharacter {
            return DisplayWidth.of(character) == 1 ? character : " "
        }
        if character == Cell.continuationCharacter {
            return x > 0 && isWholeWideCharacter(x: x - 1, y: y) ? nil : " "
        }
        switch DisplayWidth.of(character) {
        case 1: return character
        case 2: return isWholeWideCharacter(x: x, y: y) ? character : " "
        default: return " "
        }
    }

    /// Whether (x, y) holds a wide character followed by its continuation.
    private func isWholeWideCharacter(x: Int, y: Int) -> Bool {
        x + 1 < width && self[x + 1, y].isContinuation && DisplayWidth.of(self[x, y].character) == 2
    }
}
