/// A frame drawn as an SVG picture for slides and papers: cell backgrounds as merged rects, block
/// elements, box drawing and braille as exact geometry (no font decides how a heatmap looks), and
/// the remaining glyphs as text centred in their cells. Identical frames give identical bytes.
public struct FrameSVG: Sendable {
    /// Cell size in SVG pixels: a 1 : 2 cell like a terminal's.
    static let cellWidth = 10
    static let cellHeight = 20
    /// Font size and the baseline's offset from the top of a cell, in pixels.
    static let fontSize = 16
    public static let baseline = 15
    /// Monospace fonts in the order most systems have them.
    static let fontFamily = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace"

    /// What `.default` and indexed colours become.
    public let palette: SVGPalette

    /// A writer for frames in `palette`'s colours.
    public init(palette: SVGPalette) {
        self.palette = palette
    }

    /// The SVG document for `frame`: `title` (one line) names it, `description` (any lines) says more.
    public func document(_ frame: Frame, title: String, description: String = "") -> String {
        let width = frame.width * Self.cellWidth
        let height = frame.height * Self.cellHeight
        var backgrounds = SVGShapeLayer()
        var shapes = SVGShapeLayer()
        var text = SVGTextLayer(cellWidth: Self.cellWidth, cellHeight: Self.cellHeight, baseline: Self.baseline)
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let cell = frame[x, y]
                let (foreground, background) = colors(of: cell)
                if background != palette.background {
                    backgrounds.addRect(x: x * 1000, y: y * 1000, width: 1000, height: 1000, color: background)
                }
                if cell.attributes.contains(.underline) {
                    shapes.addRect(x: x * 1000, y: y * 1000 + 900, width: 1000, height: 50, color: foreground)
                }
                if let pieces = GlyphGeometry.pieces(for: cell.character) {
                    for piece in pieces {
                        let color: RGB
                        switch piece.tone {
                        case .foreground: color = foreground
                        case .shade(let eighths): color = background.mixed(with: foreground, eighths: eighths)
                        }
                        add(piece.outline, atColumn: x, row: y, color: color, to: &shapes)
                    }
                } else if let shown = frame.shownCharacter(x: x, y: y), !shown.isWhitespace {
                    // A wide glyph is centred over both its cells; its right half shows nothing.
                    let style = SVGTextLayer.Style(
                        fill: foreground, bold: cell.attributes.contains(.bold),
                        italic: cell.attributes.contains(.italic))
                    text.add(shown, column: x, cells: DisplayWidth.of(shown), row: y, style: style)
                }
            }
        }
        text.endRun()
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        out += "viewBox=\"0 0 \(width) \(height)\">\n"
        out += "<title>\(XMLEscaping.escaped(title))</title>\n"
        if !description.isEmpty { out += "<desc>\(XMLEscaping.escaped(description))</desc>\n" }
        out += "<g transform=\"scale(\(Self.cellWidth) \(Self.cellHeight))\" shape-rendering=\"crispEdges\">\n"
        out +=
            "<rect id=\"canvas\" width=\"\(frame.width)\" height=\"\(frame.height)\" fill=\"\(palette.background)\"/>\n"
        out += "<g id=\"backgrounds\">\n"
        backgrounds.write(into: &out)
        out += "</g>\n<g id=\"shapes\">\n"
        shapes.write(into: &out)
        out += "</g>\n</g>\n"
        out +=
            "<g id=\"text\" font-family=\"\(Self.fontFamily)\" font-size=\"\(Self.fontSize)\" text-anchor=\"middle\">\n"
        out += text.markup
        out += "</g>\n</svg>\n"
        return out
    }

    /// The cell's glyph and background colours as drawn: reverse swaps them, dim moves the glyph
    /// halfway to the background.
    private func colors(of cell: Cell) -> (foreground: RGB, background: RGB) {
        var foreground = palette.resolve(cell.foreground, isForeground: true)
        var background = palette.resolve(cell.background, isForeground: false)
        if cell.attributes.contains(.reverse) { swap(&foreground, &background) }
        if cell.attributes.contains(.dim) { foreground = foreground.mixed(with: background, eighths: 4) }
        return (foreground, background)
    }

    private func add(
        _ outline: GlyphPiece.Outline, atColumn x: Int, row y: Int, color: RGB, to layer: inout SVGShapeLayer
    ) {
        switch outline {
        case let .rect(dx, dy, width, height):
            layer.addRect(x: x * 1000 + dx, y: y * 1000 + dy, width: width, height: height, color: color)
        case .polygon(let points):
            let moved = points.enumerated().map { index, value in value + (index.isMultiple(of: 2) ? x : y) * 1000 }
            layer.addPolygon(moved, color: color)
        }
    }
}
