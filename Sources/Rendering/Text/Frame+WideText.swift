extension Cell {
    /// What the right half of a wide character (東, 😀) holds: the wide character sits in the cell
    /// to its left, and text output and the terminal backend skip this one.
    public static let continuationCharacter: Character = "\u{0}"

    /// Whether this cell is the right half of the wide character to its left.
    public var isContinuation: Bool { character == Cell.continuationCharacter }
}

extension Frame {
    /// The characters of row `y` as a terminal shows them: a continuation after a wide character
    /// adds nothing; one whose wide character was overwritten shows as a blank.
    func visibleCharacters(row y: Int) -> [Character] {
        var characters: [Character] = []
        characters.reserveCapacity(width)
        for x in 0..<width {
            let character = self[x, y].character
            if isCoveredContinuation(x: x, y: y) { continue }
            characters.append(character == Cell.continuationCharacter ? " " : character)
        }
        return characters
    }

    /// Whether (x, y) is the right half of the wide character to its left, which a terminal draws
    /// with the left half: text output and the backend skip it. A continuation whose wide character
    /// was overwritten is not covered and shows as a blank.
    public func isCoveredContinuation(x: Int, y: Int) -> Bool {
        self[x, y].isContinuation && x > 0 && DisplayWidth.of(self[x - 1, y].character) == 2
    }
}
