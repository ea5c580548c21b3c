extension Cell {
    /// What the right half of a wide character (東, 😀) holds: the wide character sits in the cell
    /// to its left, and text output and the terminal backend skip this one.
    public static let continuationCharacter: Character = "\u{0}"

    /// Whether this cell is the right half of the wide character to its left.
    public var isContinuation: Bool { character == Cell.continuationCharacter }
}

extension Frame {
    /// Writes `text` from (x, y) in `style` by display width: a wide character takes two cells
    /// (the second a continuation), zero-width ones are dropped, and nothing passes `maxWidth`
    /// cells or the frame's edge. Returns the column after the text.
    @discardableResult
    public mutating func putText<Text: StringProtocol>(
        _ text: Text, x: Int, y: Int, style: CellStyle, maxWidth: Int = .max
    ) -> Int {
        var column = x
        let end = x + min(max(0, maxWidth), width)
        for character in text {
            let cells = DisplayWidth.of(character)
            guard cells > 0 else { continue }
            if column + cells > end { break }
            self[column, y] = style.cell(character)
            if cells == 2 { self[column + 1, y] = style.cell(Cell.continuationCharacter) }
            column += cells
        }
        return column
    }

    /// The characters of row `y` as a terminal shows them: a continuation after a wide character
    /// adds nothing; one whose wide character was overwritten shows as a blank.
    func visibleCharacters(row y: Int) -> [Character] {
        var characters: [Character] = []
        characters.reserveCapacity(width)
        for x in 0..<width {
            let character = self[x, y].character
            if character == Cell.continuationCharacter {
                if x > 0, DisplayWidth.of(self[x - 1, y].character) == 2 { continue }
                characters.append(" ")
            } else {
                characters.append(character)
            }
        }
        return characters
    }
}
