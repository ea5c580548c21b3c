import Foundation

/// One piece of a glyph that an SVG snapshot draws as geometry instead of a font glyph, so block
/// elements, box drawing and braille look the same in every viewer and tile without gaps.
/// Coordinates are thousandths of a cell: x from the left edge, y from the top.
struct GlyphPiece: Hashable, Sendable {
    /// The outline of the piece.
    enum Outline: Hashable, Sendable {
        case rect(x: Int, y: Int, width: Int, height: Int)
        /// Corner points as x, y pairs, for diagonals.
        case polygon([Int])
    }

    /// What colour the piece is filled with.
    enum Tone: Hashable, Sendable {
        /// The cell's foreground.
        case foreground
        /// The background moved this many eighths towards the foreground (░ ▒ ▓).
        case shade(eighths: Int)
    }

    let outline: Outline
    let tone: Tone

    static func rect(_ x: Int, _ y: Int, _ width: Int, _ height: Int, _ tone: Tone = .foreground) -> GlyphPiece {
        GlyphPiece(outline: .rect(x: x, y: y, width: width, height: height), tone: tone)
    }
}

/// Which characters become geometry, and what geometry: U+2500 box drawing (the light and heavy
/// lines, rounded corners, dashes, diagonals), U+2580 block elements and U+2800 braille. Every
/// other character is left to the font.
enum GlyphGeometry {
    /// Line thickness: about 1.6 px across a 10 × 20 px cell, in either direction (double for heavy).
    static let horizontalThickness = 80
    static let verticalThickness = 160

    /// The pieces of `character`, or nil when it is drawn as text.
    static func pieces(for character: Character) -> [GlyphPiece]? {
        let scalars = character.unicodeScalars
        guard scalars.count == 1, let value = scalars.first?.value else { return nil }
        switch value {
        case 0x2500...0x257F: return boxDrawing(value)
        case 0x2580...0x259F: return block(value)
        case 0x2801...0x28FF: return braille(UInt8(value - 0x2800))
        default: return nil
        }
    }

    /// Arms of a line glyph from the centre of the cell: left, right, up, down.
    private struct Arms: OptionSet {
        let rawValue: UInt8
        static let left = Arms(rawValue: 1)
        static let right = Arms(rawValue: 2)
        static let up = Arms(rawValue: 4)
        static let down = Arms(rawValue: 8)
    }

    private static let lightArms: [UInt32: Arms] = [
        0x2500: [.left, .right], 0x2502: [.up, .down], 0x250C: [.right, .down], 0x2510: [.left, .down],
        0x2514: [.right, .up], 0x2518: [.left, .up], 0x251C: [.up, .down, .right], 0x2524: [.up, .down, .left],
        0x252C: [.left, .right, .down], 0x2534: [.left, .right, .up], 0x253C: [.left, .right, .up, .down],
        0x2574: .left, 0x2575: .up, 0x2576: .right, 0x2577: .down,
    ]

    private static let heavyArms: [UInt32: Arms] = [
        0x2501: [.left, .right], 0x2503: [.up, .down], 0x250F: [.right, .down], 0x2513: [.left, .down],
        0x2517: [.right, .up], 0x251B: [.left, .up], 0x2523: [.up, .down, .right], 0x252B: [.up, .down, .left],
        0x2533: [.left, .right, .down], 0x253B: [.left, .right, .up], 0x254B: [.left, .right, .up, .down],
    ]

    private static func boxDrawing(_ value: UInt32) -> [GlyphPiece]? {
        if let arms = lightArms[value] { return lines(arms, scale: 1) }
        if let arms = heavyArms[value] { return lines(arms, scale: 2) }
        let h = horizontalThickness, v = verticalThickness
        switch value {
        case 0x2504, 0x2508:  // ┄ ┈: three or four dashes across
            let count = value == 0x2504 ? 3 : 4
            return (0..<count).map { .rect($0 * 1000 / count + 250 / count, 500 - h / 2, 500 / count, h) }
        case 0x2506, 0x250A:  // ┆ ┊: three or four dashes down
            let count = value == 0x2506 ? 3 : 4
            return (0..<count).map { .rect(500 - v / 2, $0 * 1000 / count + 250 / count, v, 500 / count) }
        case 0x256D: return [roundedCorner(mirrorX: false, mirrorY: false)]  // ╭
        case 0x256E: return [roundedCorner(mirrorX: true, mirrorY: false)]  // ╮
        case 0x256F: return [roundedCorner(mirrorX: true, mirrorY: true)]  // ╯
        case 0x2570: return [roundedCorner(mirrorX: false, mirrorY: true)]  // ╰
        case 0x2571: return [diagonal(rising: true)]
        case 0x2572: return [diagonal(rising: false)]
        case 0x2573: return [diagonal(rising: true), diagonal(rising: false)]
        default: return nil
        }
    }

    /// Straight arms from the centre; a cell with both horizontal (or vertical) arms is one rect,
    /// so runs of ─ merge into a single line.
    private static func lines(_ arms: Arms, scale: Int) -> [GlyphPiece] {
        let h = horizontalThickness * scale, v = verticalThickness * scale
        var pieces: [GlyphPiece] = []
        let left = arms.contains(.left) ? 0 : 500 - v / 2
        let right = arms.contains(.right) ? 1000 : 500 + v / 2
        if !arms.isDisjoint(with: [.left, .right]) { pieces.append(.rect(left, 500 - h / 2, right - left, h)) }
        let top = arms.contains(.up) ? 0 : 500 - h / 2
        let bottom = arms.contains(.down) ? 1000 : 500 + h / 2
        if !arms.isDisjoint(with: [.up, .down]) { pieces.append(.rect(500 - v / 2, top, v, bottom - top)) }
        return pieces
    }

    /// ╭ (mirrored for ╮ ╯ ╰): a line down from the bottom edge that turns right along a quarter
    /// circle of half a cell's width and leaves through the right edge, where ─ takes over.
    private static func roundedCorner(mirrorX: Bool, mirrorY: Bool) -> GlyphPiece {
        let h = horizontalThickness / 2, v = verticalThickness / 2
        // The circle's centre and radii in thousandths of the cell (a 10 × 20 px cell: 5 px radius).
        let (cx, cy, rx, ry) = (1000.0, 750.0, 500.0, 250.0)
        let steps = 8
        func arc(_ radiusX: Double, _ radiusY: Double) -> [Int] {
            (0...steps).flatMap { step -> [Int] in
                let angle = Double.pi * (1 + 0.5 * Double(step) / Double(steps))
                return [Int((cx + radiusX * cos(angle)).rounded()), Int((cy + radiusY * sin(angle)).rounded())]
            }
        }
        let outer = arc(rx + Double(v), ry + Double(h))
        let inner = arc(rx - Double(v), ry - Double(h))
        var points = [500 - v, 1000] + outer
        for index in stride(from: inner.count - 2, through: 0, by: -2) { points += [inner[index], inner[index + 1]] }
        points += [500 + v, 1000]
        let mirrored = points.enumerated().map { index, value in
            index.isMultiple(of: 2) ? (mirrorX ? 1000 - value : value) : (mirrorY ? 1000 - value : value)
        }
        return GlyphPiece(outline: .polygon(mirrored), tone: .foreground)
    }

    /// ╱ or ╲ corner to corner, so neighbouring cells join into continuous stripes.
    private static func diagonal(rising: Bool) -> GlyphPiece {
        let w = verticalThickness
        let points = rising ? [0, 1000, w, 1000, 1000, 0, 1000 - w, 0] : [0, 0, w, 0, 1000, 1000, 1000 - w, 1000]
        return GlyphPiece(outline: .polygon(points), tone: .foreground)
    }

    private static func block(_ value: UInt32) -> [GlyphPiece] {
        switch value {
        case 0x2580: return [.rect(0, 0, 1000, 500)]
        case 0x2581...0x2588:  // ▁ … █: lower eighths
            let height = Int(value - 0x2580) * 125
            return [.rect(0, 1000 - height, 1000, height)]
        case 0x2589...0x258F:  // ▉ … ▏: left eighths
            return [.rect(0, 0, Int(0x2590 - value) * 125, 1000)]
        case 0x2590: return [.rect(500, 0, 500, 1000)]
        case 0x2591...0x2593: return [.rect(0, 0, 1000, 1000, .shade(eighths: Int(value - 0x2590) * 2))]
        case 0x2594: return [.rect(0, 0, 1000, 125)]
        case 0x2595: return [.rect(875, 0, 125, 1000)]
        default: return quadrants(value)
        }
    }

    /// ▖ ▗ ▘ ▙ ▚ ▛ ▜ ▝ ▞ ▟ as bits: upper left 1, upper right 2, lower left 4, lower right 8.
    private static let quadrantBits: [UInt8] = [4, 8, 1, 13, 9, 7, 11, 2, 6, 14]

    private static func quadrants(_ value: UInt32) -> [GlyphPiece] {
        let bits = quadrantBits[Int(value - 0x2596)]
        return [(1, 0, 0), (2, 500, 0), (4, 0, 500), (8, 500, 500)].compactMap { bit, x, y in
            bits & bit != 0 ? .rect(x, y, 500, 500) : nil
        }
    }

    /// Braille dots as squares (3 px on a 10 × 20 px cell) at the centres of a 2 × 4 grid.
    private static func braille(_ dots: UInt8) -> [GlyphPiece] {
        let bits: [(bit: UInt8, column: Int, row: Int)] = [
            (0x01, 0, 0), (0x02, 0, 1), (0x04, 0, 2), (0x40, 0, 3), (0x08, 1, 0), (0x10, 1, 1), (0x20, 1, 2),
            (0x80, 1, 3),
        ]
        return bits.compactMap { bit, column, row in
            guard dots & bit != 0 else { return nil }
            return .rect(column * 500 + 250 - 150, row * 250 + 125 - 75, 300, 150)
        }
    }
}
