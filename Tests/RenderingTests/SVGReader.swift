import Foundation

@testable import Rendering

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG snapshot read back with Foundation's XMLParser: enough structure to ask "what colour is
/// drawn at this point of the grid" and "what glyph sits in this cell", independent of the writer.
struct SVGReader {
    /// A filled rect in cell units.
    struct Box {
        var x, y, width, height: Double
        var fill: String
        func contains(_ px: Double, _ py: Double) -> Bool {
            px >= x && px < x + width && py >= y && py < y + height
        }
    }

    /// One tspan: its cell and character, and the enclosing `<text>`'s attributes.
    struct Glyph {
        var column: Int
        var row: Int
        var text: String
        var fill: String
        var bold: Bool
    }

    var title = ""
    var description = ""
    var canvas = ""
    var width = 0
    var height = 0
    /// Rects of the cell backgrounds and of the drawn glyphs (blocks, lines, braille), in order.
    var backgrounds: [Box] = []
    var shapes: [Box] = []
    var polygonCount = 0
    var glyphs: [Glyph] = []

    enum ReadError: Error { case invalidXML(String), unexpectedPath(String) }

    init(_ svg: String) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse() else { throw ReadError.invalidXML(String(describing: parser.parserError)) }
        if let error = delegate.error { throw error }
        self = delegate.reader
    }

    /// The colour painted at (`x`, `y`) in cell units: the topmost shape, else background, else canvas.
    func color(atX x: Double, y: Double) -> String {
        if let shape = shapes.last(where: { $0.contains(x, y) }) { return shape.fill }
        return background(atX: x, y: y)
    }

    /// The background colour at (`x`, `y`), ignoring glyph shapes.
    func background(atX x: Double, y: Double) -> String {
        backgrounds.last(where: { $0.contains(x, y) })?.fill ?? canvas
    }

    func glyph(column: Int, row: Int) -> Glyph? {
        glyphs.first { $0.column == column && $0.row == row }
    }

    /// `M x y h w v h h -w z` rects (and `M …z` polygons, only counted) from a path's `d`.
    static func boxes(_ d: String, fill: String) throws -> (boxes: [Box], polygons: Int) {
        var boxes: [Box] = []
        var polygons = 0
        for part in d.split(separator: "M") {
            let rect = /^([-.0-9]+) ([-.0-9]+)h([-.0-9]+)v([-.0-9]+)h-([-.0-9]+)z$/
            if let match = try rect.wholeMatch(in: String(part)),
                let x = Double(match.1), let y = Double(match.2), let w = Double(match.3), let h = Double(match.4)
            {
                boxes.append(Box(x: x, y: y, width: w, height: h, fill: fill))
            } else if part.hasSuffix("z") {
                polygons += 1
            } else {
                throw ReadError.unexpectedPath(String(part))
            }
        }
        return (boxes, polygons)
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var reader = SVGReader(empty: ())
        var error: Error?
        var groups: [String] = []
        var element = ""
        var textAttributes: [String: String] = [:]
        var tspanX: Int?
        var characters = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            element = name
            characters = ""
            switch name {
            case "svg":
                reader.width = Int(attributes["width"] ?? "") ?? 0
                reader.height = Int(attributes["height"] ?? "") ?? 0
            case "g": groups.append(attributes["id"] ?? "")
            case "rect" where attributes["id"] == "canvas": reader.canvas = attributes["fill"] ?? ""
            case "path":
                do {
                    let (boxes, polygons) = try SVGReader.boxes(attributes["d"] ?? "", fill: attributes["fill"] ?? "")
                    reader.polygonCount += polygons
                    if groups.last == "backgrounds" { reader.backgrounds += boxes } else { reader.shapes += boxes }
                } catch { self.error = error }
            case "text": textAttributes = attributes
            case "tspan": tspanX = Int(attributes["x"] ?? "")
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { characters += string }

        func parser(
            _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
        ) {
            switch name {
            case "title": reader.title = characters
            case "desc": reader.description = characters
            case "g": groups.removeLast()
            case "tspan":
                let y = Int(textAttributes["y"] ?? "") ?? -1
                reader.glyphs.append(
                    Glyph(
                        column: ((tspanX ?? -1) - FrameSVG.cellWidth / 2) / FrameSVG.cellWidth,
                        row: (y - FrameSVG.baseline) / FrameSVG.cellHeight, text: characters,
                        fill: textAttributes["fill"] ?? "", bold: textAttributes["font-weight"] == "bold"))
            default: break
            }
            characters = ""
        }
    }

    private init(empty: Void) {}
}
