/// A bordered box with a title on its top edge (and optional keys and note on the right), btop
/// style, around a widget that draws inside it: every boxed widget goes through this one place.
struct Panel<Content: PanelContent>: Widget {
    let content: Content
    /// Blank the box first, for a panel drawn over others (the help overlay).
    var opaque = false

    init(_ content: Content, opaque: Bool = false) {
        self.content = content
        self.opaque = opaque
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        if opaque { frame.fill(area, with: styles.canvas.cell(" ")) }
        guard area.width >= 2, area.height >= 2 else { return }
        let inside = area.inset(1)
        let heading = content.heading(inside: inside, styles: styles)
        drawBorder(into: &frame, area: area, heading: heading, styles: styles)
        content.draw(into: &frame, area: inside, styles: styles)
    }

    private func drawBorder(into frame: inout Frame, area: Rect, heading: PanelHeading, styles: ThemeStyles) {
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
        if room > 2, !heading.title.isEmpty {
            column = frame.put(" ", x: column, y: area.y, style: styles.border)
            column = frame.put(
                heading.title, x: column, y: area.y, style: styles.title,
                limit: PanelHeading.titleRoom(width: area.width))
            column = frame.put(" ", x: column, y: area.y, style: styles.border)
        }
        // The note goes first when room is short, then keys from the last.
        var pieces = heading.keys
        if !heading.note.isEmpty { pieces.append((heading.note, styles.muted)) }
        func fits() -> Bool { right - 2 - pieces.reduce(0) { $0 + $1.text.count + 2 } > column }
        if !fits(), !heading.note.isEmpty { pieces.removeLast() }
        while !pieces.isEmpty, !fits() { pieces.removeLast() }
        var start = right - 1 - pieces.reduce(0) { $0 + $1.text.count + 2 }
        for piece in pieces {
            frame.put(" ", x: start, y: area.y, style: styles.border)
            frame.put(piece.text, x: start + 1, y: area.y, style: piece.style)
            frame.put(" ", x: start + 1 + piece.text.count, y: area.y, style: styles.border)
            start += piece.text.count + 2
        }
    }
}
