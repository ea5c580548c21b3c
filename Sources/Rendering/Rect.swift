/// A rectangle of cells: where a widget may draw.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// The rectangle with its top-left cell at (x, y); negative sizes become 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The first column and row past the rectangle.
    var maxX: Int { x + width }
    var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The smallest rectangle holding both.
    func union(_ other: Rect) -> Rect {
        let left = min(x, other.x), top = min(y, other.y)
        return Rect(x: left, y: top, width: max(maxX, other.maxX) - left, height: max(maxY, other.maxY) - top)
    }

    /// Shrunk by `by` cells on every side (a panel's inside).
    func inset(_ by: Int) -> Rect {
        Rect(x: x + by, y: y + by, width: width - 2 * by, height: height - 2 * by)
    }

    /// The overlap of two rectangles (empty when they do not meet).
    func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }

    /// The top `rows` rows and the rest.
    func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let rows = min(max(0, rows), height)
        return (
            Rect(x: x, y: y, width: width, height: rows), Rect(x: x, y: y + rows, width: width, height: height - rows)
        )
    }

    /// The left `columns` columns and the rest.
    func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let columns = min(max(0, columns), width)
        return (
            Rect(x: x, y: y, width: columns, height: height),
            Rect(x: x + columns, y: y, width: width - columns, height: height)
        )
    }

    /// `count` side-by-side columns of (nearly) equal width, the leftmost taking the remainder.
    public func columns(_ count: Int) -> [Rect] {
        guard count > 0 else { return [] }
        var rects: [Rect] = []
        var left = x
        for index in 0..<count {
            let share = width / count + (index < width % count ? 1 : 0)
            rects.append(Rect(x: left, y: y, width: share, height: height))
            left += share
        }
        return rects
    }

    /// A `width` × `height` rectangle centred in this one.
    func centered(width: Int, height: Int) -> Rect {
        Rect(x: x + (self.width - width) / 2, y: y + (self.height - height) / 2, width: width, height: height)
    }
}
