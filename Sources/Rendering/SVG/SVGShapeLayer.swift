/// Filled shapes of one SVG layer, one `<path>` per colour: rects merge into longer runs as they
/// arrive (left to right, row by row) and into taller blocks when written, which keeps a 200 × 60 screen small.
/// Coordinates are thousandths of a cell. Colours keep the order they first appeared in, so the
/// same frame always gives the same bytes.
struct SVGShapeLayer {
    private struct Box: Hashable {
        var x, y, width, height: Int
    }

    private struct Paint {
        var boxes: [Box] = []
        var polygons: [[Int]] = []
        /// Boxes by where they end on the right (x = right edge, width 0), to extend.
        var rightEnds: [Box: Int] = [:]
    }

    private var colors: [RGB] = []
    private var indexOf: [RGB: Int] = [:]
    private var paints: [Paint] = []

    /// Nothing was added.
    var isEmpty: Bool { colors.isEmpty }

    /// Adds a rect at (x, y) of `width` × `height`, joined to a rect of the same colour and rows
    /// that ends where it starts (a corner's arm and the line after it become one).
    mutating func addRect(x: Int, y: Int, width: Int, height: Int, color: RGB) {
        let index = paintIndex(color)
        let start = Box(x: x, y: y, width: 0, height: height)
        let end = Box(x: x + width, y: y, width: 0, height: height)
        if let joined = paints[index].rightEnds.removeValue(forKey: start) {
            paints[index].boxes[joined].width += width
            paints[index].rightEnds[end] = joined
        } else {
            paints[index].boxes.append(Box(x: x, y: y, width: width, height: height))
            paints[index].rightEnds[end] = paints[index].boxes.count - 1
        }
    }

    /// Adds a polygon given as x, y pairs.
    mutating func addPolygon(_ points: [Int], color: RGB) {
        paints[paintIndex(color)].polygons.append(points)
    }

    private mutating func paintIndex(_ color: RGB) -> Int {
        if let index = indexOf[color] { return index }
        colors.append(color)
        paints.append(Paint())
        indexOf[color] = colors.count - 1
        return colors.count - 1
    }

    /// One `<path>` element per colour, each on its own line.
    func write(into out: inout String) {
        for (color, paint) in zip(colors, paints) {
            out += "<path fill=\"\(color)\" d=\""
            for box in Self.mergedVertically(paint.boxes) {
                let width = SVGNumber.thousandths(box.width)
                out += "M\(SVGNumber.thousandths(box.x)) \(SVGNumber.thousandths(box.y))h\(width)"
                out += "v\(SVGNumber.thousandths(box.height))h-\(width)z"
            }
            for polygon in paint.polygons {
                out += "M"
                out += stride(from: 0, to: polygon.count - 1, by: 2).map {
                    "\(SVGNumber.thousandths(polygon[$0])) \(SVGNumber.thousandths(polygon[$0 + 1]))"
                }.joined(separator: " ")
                out += "z"
            }
            out += "\"/>\n"
        }
    }

    /// Stacks each box onto the one ending right above it with the same left edge and width.
    /// Boxes arrive row by row, so a box can only continue one that came before it.
    private static func mergedVertically(_ boxes: [Box]) -> [Box] {
        var merged: [Box] = []
        var openEnds: [Box: Int] = [:]
        for box in boxes {
            let key = Box(x: box.x, y: box.y, width: box.width, height: 0)
            if let index = openEnds.removeValue(forKey: key) {
                merged[index].height += box.height
                openEnds[Box(x: box.x, y: merged[index].y + merged[index].height, width: box.width, height: 0)] = index
            } else {
                merged.append(box)
                openEnds[Box(x: box.x, y: box.y + box.height, width: box.width, height: 0)] = merged.count - 1
            }
        }
        return merged
    }
}

/// Number spelling for SVG attributes: short, exact and the same on every machine.
enum SVGNumber {
    /// `value`/1000 with no trailing zeros and no leading zero: 12000 → "12", 500 → ".5", -125 → "-.125".
    static func thousandths(_ value: Int) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let whole = magnitude / 1000
        var fraction = magnitude % 1000
        guard fraction != 0 else { return sign + String(whole) }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        let padded = String(repeating: "0", count: digits - fractionText.count) + fractionText
        return sign + (whole == 0 ? "" : String(whole)) + "." + padded
    }
}
