/// The text of an SVG snapshot: each run of same-style glyphs in a row is one `<text>`, and every
/// glyph a `<tspan>` with its own x (the centre of its cell; the layer sets `text-anchor="middle"`),
/// so columns stay aligned in any font, monospace or not. Per-glyph tspans rather than an x list:
/// librsvg (and what is built on it) reads only the first value of an x list.
struct SVGTextLayer {
    /// What a run of glyphs shares.
    struct Style: Hashable {
        var fill: RGB
        var bold: Bool
        var italic: Bool
    }

    let cellWidth: Int
    let cellHeight: Int
    let baseline: Int
    private(set) var markup = ""
    private var open: (style: Style, row: Int)?

    init(cellWidth: Int, cellHeight: Int, baseline: Int) {
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        self.baseline = baseline
    }

    /// Adds the glyph at (`column`, `row`), centred over its `cells` (2 for 東); glyphs come in
    /// reading order. Spaces are not glyphs: they take no element and do not end a run.
    mutating func add(_ character: Character, column: Int, cells: Int = 1, row: Int, style: Style) {
        if let open, open.style != style || open.row != row { endRun() }
        if open == nil {
            markup += "<text y=\"\(row * cellHeight + baseline)\" fill=\"\(style.fill)\""
            if style.bold { markup += " font-weight=\"bold\"" }
            if style.italic { markup += " font-style=\"italic\"" }
            markup += ">"
            open = (style, row)
        }
        markup += "<tspan x=\"\(column * cellWidth + max(1, cells) * cellWidth / 2)\">"
        markup += XMLEscaping.escaped(String(character)) + "</tspan>"
    }

    /// Closes the open run, if any.
    mutating func endRun() {
        guard open != nil else { return }
        markup += "</text>\n"
        open = nil
    }
}
