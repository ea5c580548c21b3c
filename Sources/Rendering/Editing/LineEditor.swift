/// A one-line text editor as a value: the text and a cursor between grapheme clusters, so é,
/// 東京 and 👍🏽 are each one step of ←/→ and one Backspace. Edits are pure; the UI keeps the
/// editor in its state and draws it with `draw(into:x:y:width:styles:)`.
public struct LineEditor: Hashable, Sendable {
    /// The text being edited.
    public private(set) var text: String
    /// Graphemes before the cursor: 0 is before the first, `text.count` after the last.
    public private(set) var cursor: Int
    /// Why the text could not be run (too long, empty), shown beside the field until the next edit:
    /// the status line is hidden under the editor, and the text stays for the user to shorten.
    public var problem: String?

    /// One editing step, named for what it does rather than for its key.
    public enum Edit: Hashable, Sendable {
        /// Inserts text at the cursor (control characters are dropped).
        case insert(String)
        case moveLeft, moveRight, moveToStart, moveToEnd
        /// Deletes the grapheme before the cursor (Backspace).
        case deleteBackward
        /// Deletes the grapheme under the cursor (Delete).
        case deleteForward
        /// Clears the whole line (Ctrl-U).
        case clear
        /// Deletes the word before the cursor and the spaces after it (Ctrl-W, as in a shell).
        case deleteWordBackward
    }

    /// An editor holding `text` with the cursor at its end, as `/` opens it.
    public init(text: String) {
        self.text = text.filter { !Self.isControl($0) }
        self.cursor = self.text.count
    }

    /// The editor after `edit`.
    public func applying(_ edit: Edit) -> LineEditor {
        var next = self
        next.apply(edit)
        return next
    }

    /// Applies `edit` in place.
    public mutating func apply(_ edit: Edit) {
        problem = nil
        switch edit {
        case .insert(let typed):
            let clean = typed.filter { !Self.isControl($0) }
            let before = text.count
            text.insert(contentsOf: clean, at: index(cursor))
            // Typed text can merge with its neighbour (a combining mark after e), so the cursor moves
            // by how much the text grew, not by what was typed.
            cursor = min(text.count, cursor + max(0, text.count - before))
        case .moveLeft: cursor = max(0, cursor - 1)
        case .moveRight: cursor = min(text.count, cursor + 1)
        case .moveToStart: cursor = 0
        case .moveToEnd: cursor = text.count
        case .deleteBackward:
            guard cursor > 0 else { return }
            text.remove(at: index(cursor - 1))
            cursor -= 1
        case .deleteForward:
            guard cursor < text.count else { return }
            text.remove(at: index(cursor))
        case .clear:
            text = ""
            cursor = 0
        case .deleteWordBackward:
            let characters = Array(text)
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            text.removeSubrange(index(start)..<index(cursor))
            cursor = start
        }
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: offset)
    }

    private static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
    }

    /// The first grapheme shown in a field `width` cells wide: 0 while the text up to the cursor
    /// (and the cursor cell) fits, else as far right as needed to keep the cursor in the last cell.
    func scrollOffset(width: Int) -> Int {
        let characters = Array(text)
        let cursorCells = cursor < characters.count ? DisplayWidth.of(characters[cursor]) : 1
        var used = max(1, cursorCells)
        var first = cursor
        while first > 0 {
            let cells = DisplayWidth.of(characters[first - 1])
            if used + cells > width { break }
            used += cells
            first -= 1
        }
        return first
    }

    /// Draws the visible part of the text from (x, y) in `width` cells with the cursor as a
    /// reversed cell (a reversed blank at the end of the text), scrolled to keep it in view.
    public func draw(into frame: inout Frame, x: Int, y: Int, width: Int, style: CellStyle) {
        guard width > 0 else { return }
        frame.fill(Rect(x: x, y: y, width: width, height: 1), with: style.cell(" "))
        let characters = Array(text)
        var column = x
        for offset in scrollOffset(width: width)..<characters.count {
            let character = characters[offset]
            let cells = DisplayWidth.of(character)
            if column + cells > x + width { break }
            let cellStyle = offset == cursor ? style.with(.reverse) : style
            column = frame.put(String(character), x: column, y: y, style: cellStyle)
        }
        if cursor == characters.count, column < x + width {
            frame[column, y] = style.with(.reverse).cell(" ")
        }
    }
}
