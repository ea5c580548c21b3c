/// The xterm 256-colour palette: 16 ANSI colours, a 6×6×6 cube and 24 grays.
enum XtermPalette {
    private static let ansi: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The colour of palette entry `index` (0–255).
    static func rgb(_ index: Int) -> (r: Int, g: Int, b: Int) {
        switch index {
        case ..<16: return ansi[max(0, index)]
        case 16..<232:
            let cube = index - 16
            return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
        default:
            let level = 8 + 10 * (min(index, 255) - 232)
            return (level, level, level)
        }
    }

    /// The closest cube or gray entry (16–255) to an RGB colour, or the closest within `among`.
    static func nearestIndex(r: Int, g: Int, b: Int, among range: Range<Int>? = nil) -> Int {
        if let range {
            return range.min { distance(rgb($0), (r, g, b)) < distance(rgb($1), (r, g, b)) } ?? 0
        }
        func level(_ value: Int) -> Int { cubeLevels.indices.min { abs(cubeLevels[$0] - value) < abs(cubeLevels[$1] - value) } ?? 0 }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let average = (r + g + b) / 3
        let gray = 232 + max(0, min(23, (average - 8 + 5) / 10))
        return distance(rgb(gray), (r, g, b)) < distance(rgb(cube), (r, g, b)) ? gray : cube
    }

    private static func distance(_ a: (r: Int, g: Int, b: Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.r - b.0, dg = a.g - b.1, db = a.b - b.2
        return dr * dr + dg * dg + db * db
    }
}
