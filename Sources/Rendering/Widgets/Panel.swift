/// A bordered box with a title on its top edge (and optional note on the right), btop style;
/// every other widget draws inside one.
struct Panel {
    let title: String
    /// Shown at the right of the top edge in muted text, e.g. "pooled 4×".
    var note: String = ""
    /// Extra styled pieces before the note, e.g. a curve's colour key.
    var keys: [(text: String, style: CellStyle)] = []

    /// How many characters of title a panel `width` cells wide shows.
    static func titleRoom(width: Int) -> Int { max(0, width - 6) }

    /// Draws the border and titles; returns the inside.
    @discardableResult
    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let g = styles.glyphs
        let right = area.maxX - 1, bottom = area.maxY - 1
        frame[area.x, area.y] = styles.border.cell(g.topLeft)
        frame[right, area.y] = styles.border.cell(g.topRight)
        frame[area.x, bottom] = styles.border.cell(g.bottomLeft)
        frame[right, bottom] = styles.border.cell(g.bottomRight)
        for x in (area.x + 1)..<right {
            frame[x, area.y] = styles.border.cell(g.horizontal)
            frame[x, bottom] = styles.border.cell(g.horizontal)
        }
        for y in (area.y + 1)..<bottom {
            frame[area.x, y] = styles.border.cell(g.vertical)
            frame[right, y] = styles.border.cell(g.vertical)
        }
        let room = area.width - 4
        var column = area.x + 2
        if room > 2, !title.isEmpty {
            column = frame.put(" ", x: column, y: area.y, style: styles.border)
            column = frame.put(
                title, x: column, y: area.y, style: styles.title, limit: Self.titleRoom(width: area.width))
            column = frame.put(" ", x: column, y: area.y, style: styles.border)
        }
        // The note goes first when room is short, then keys from the last.
        var pieces = keys
        if !note.isEmpty { pieces.append((note, styles.muted)) }
        func fits() -> Bool { right - 2 - pieces.reduce(0) { $0 + $1.text.count + 2 } > column }
        if !fits(), !note.isEmpty { pieces.removeLast() }
        while !pieces.isEmpty, !fits() { pieces.removeLast() }
        var start = right - 1 - pieces.reduce(0) { $0 + $1.text.count + 2 }
        for piece in pieces {
            frame.put(" ", x: start, y: area.y, style: styles.border)
            frame.put(piece.text, x: start + 1, y: area.y, style: piece.style)
            frame.put(" ", x: start + 1 + piece.text.count, y: area.y, style: styles.border)
            start += piece.text.count + 2
        }
        return area.inset(1)
    }
}
