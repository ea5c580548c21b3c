import AttentionCore
import Foundation
import TestSupport
import Testing

@testable import Rendering

/// SVG snapshots: parsed back as XML and compared with the ANSI snapshot of the same frame, block
/// geometry, merging, escaping and size (the golden documents are in attnviewTests' SVGGoldenTests).
struct SVGTests {
    static func frame(
        params: AttentionParams = AttentionParams(), theme: Theme = .fallback, view: ViewState = ViewState(),
        width: Int = 100, height: Int = 30
    ) throws -> Frame {
        let (result, curve) = try SampleResults.withCurve(params)
        return ScreenRenderer(theme: theme, depth: .trueColor).render(
            result: result, curve: curve, view: view, keys: .sample(help: view.showHelp), width: width, height: height)
    }

    static func svg(_ frame: Frame, theme: Theme = .fallback, title: String = "attnview snapshot") -> String {
        FrameSVG(palette: SVGPalette(theme: theme)).document(frame, title: title)
    }

    /// The SVG colour a cell's ANSI colour should become: the palette's for the terminal default.
    static func expected(_ ansi: String?, default fallback: RGB) -> String {
        ansi ?? fallback.description
    }

    /// A wide glyph is one text element centred over its two cells; its right half adds nothing
    /// (no replacement character for the continuation cell).
    @Test func wideGlyphsAreCentredOverTheirTwoCells() {
        var frame = Frame(width: 4, height: 1)
        frame.put("a東b", x: 0, y: 0, style: CellStyle())
        let svg = Self.svg(frame)
        #expect(svg.contains("<tspan x=\"5\">a</tspan><tspan x=\"20\">東</tspan><tspan x=\"35\">b</tspan>"), "\(svg)")
        #expect(!svg.contains("\u{FFFD}"))
    }

    @Test(arguments: ["default", "light"])
    func cellColoursMatchTheANSISnapshot(themeName: String) throws {
        let theme = try ThemeCatalog(environment: [:]).load(themeName)
        let palette = SVGPalette(theme: theme)
        let frame = try Self.frame(theme: theme)
        let svg = try SVGReader(Self.svg(frame, theme: theme))
        let ansi = ANSIReader(frame.ansiText())
        var checked = (halfBlocks: 0, text: 0)
        for row in 0..<frame.height {
            for column in 0..<frame.width {
                let (character, colors) = ansi.cell(column: column, row: row)
                let background = Self.expected(colors.background, default: palette.background)
                let foreground = Self.expected(colors.foreground, default: palette.foreground)
                let x = Double(column) + 0.5
                let y = Double(row)
                #expect(svg.background(atX: x, y: y + 0.75) == background, "background of (\(column), \(row))")
                if character == "▀" {
                    #expect(svg.color(atX: x, y: y + 0.25) == foreground, "upper half of (\(column), \(row))")
                    #expect(svg.color(atX: x, y: y + 0.75) == background, "lower half of (\(column), \(row))")
                    checked.halfBlocks += 1
                } else if character.isLetter || character.isNumber {
                    let glyph = try #require(svg.glyph(column: column, row: row), "glyph at (\(column), \(row))")
                    #expect(glyph.text == String(character))
                    #expect(glyph.fill == foreground, "text colour of (\(column), \(row))")
                    checked.text += 1
                }
            }
        }
        #expect(checked.halfBlocks > 500 && checked.text > 300)
    }

    @Test func badgeAndStatusBarKeepTheirColours() throws {
        let frame = try Self.frame()
        let svg = try SVGReader(Self.svg(frame))
        let text = frame.plainText().split(separator: "\n", omittingEmptySubsequences: false)
        let badgeRow = try #require(text.firstIndex { $0.contains("BALANCED") })
        let badgeColumn = try #require(text[badgeRow].ranges(of: "BALANCED").first).lowerBound
        let column = text[badgeRow].distance(from: text[badgeRow].startIndex, to: badgeColumn)
        let badge = try #require(svg.glyph(column: column, row: badgeRow))
        #expect(badge.text == "B" && badge.bold)
        #expect(badge.fill == Theme.fallback.colors.badgeText.description)
        #expect(
            svg.background(atX: Double(column) + 0.5, y: Double(badgeRow) + 0.5)
                == Theme.fallback.colors.badgeBalanced.description)
        #expect(svg.background(atX: 0.5, y: 29.5) == Theme.fallback.colors.statusBackground.description)
        #expect(svg.canvas == SVGPalette.darkCanvas.description)
        #expect(svg.width == 1000 && svg.height == 600)
    }

    @Test func blocksAreExactRectangles() throws {
        var frame = Frame(width: 6, height: 1)
        let red = CellStyle(foreground: .rgb(255, 0, 0), background: .rgb(0, 0, 255))
        frame.put("▄▃▎▐▓█", x: 0, y: 0, style: red)
        let svg = try SVGReader(Self.svg(frame))
        let shapes = svg.shapes.map { [$0.x, $0.y, $0.width, $0.height] }
        #expect(
            shapes == [
                [0, 0.5, 1, 0.5], [1, 0.625, 1, 0.375], [2, 0, 0.25, 1], [3.5, 0, 0.5, 1], [5, 0, 1, 1],
                [4, 0, 1, 1],
            ])
        #expect(svg.shapes.map(\.fill).filter { $0 == "#ff0000" }.count == 5)
        // ▓ is three quarters of the way from the background to the glyph colour.
        #expect(svg.color(atX: 4.5, y: 0.5) == "#bf0040")
        #expect(svg.glyphs.isEmpty)
    }

    @Test func equalBackgroundsMergeIntoOneRect() throws {
        var frame = Frame(width: 12, height: 6)
        frame.fill(Rect(x: 1, y: 1, width: 10, height: 4), with: Cell(background: .rgb(9, 9, 9)))
        frame.put("─────", x: 0, y: 5, foreground: .rgb(1, 1, 1))
        let svg = try SVGReader(Self.svg(frame))
        #expect(svg.backgrounds.count == 1)
        #expect(svg.backgrounds.first.map { [$0.x, $0.y, $0.width, $0.height] } == [1, 1, 10, 4])
        #expect(svg.shapes.count == 1, "a run of ─ is one line")
        #expect(svg.shapes.first.map { [$0.x, $0.width] } == [0, 5])
    }

    @Test func textIsEscapedAndTheDocumentStaysValidXML() throws {
        var frame = Frame(width: 8, height: 1)
        frame.put("<&>\"'", x: 0, y: 0)
        frame[6, 0] = Cell("\u{7}")
        let svg = Self.svg(frame, title: "attnview snapshot --q 'a&b<c>.npy'")
        let read = try SVGReader(svg)
        #expect(read.title == "attnview snapshot --q 'a&b<c>.npy'")
        #expect(read.glyphs.map(\.text).joined() == "<&>\"'", "a control takes no cell: a blank, as on a terminal")
        #expect(read.glyphs.map(\.column) == [0, 1, 2, 3, 4])
    }

    /// Fuzz-style: frames of arbitrary characters (controls, markup, combining marks, emoji, blocks,
    /// braille, private use) and attributes always give a document XMLParser accepts, with one
    /// glyph read back per text cell (a NUL is a wide glyph's right half, drawn with its left).
    @Test func arbitraryCellsAlwaysGiveValidXML() throws {
        var generator = SplitMix64(state: 13)
        let ranges: [ClosedRange<UInt32>] = [
            0...0x7F, 0x80...0x2FF, 0x300...0x36F, 0x2500...0x28FF, 0xE000...0xE0FF, 0xFFF0...0xFFFF,
            0x1F300...0x1F64F,
        ]
        for _ in 0..<40 {
            var frame = Frame(width: 24, height: 6)
            var textCells = 0
            for y in 0..<frame.height {
                for x in 0..<frame.width {
                    let range = ranges[Int(generator.next() % UInt64(ranges.count))]
                    let value = range.lowerBound + UInt32(generator.next() % UInt64(range.count))
                    guard let scalar = Unicode.Scalar(value) else { continue }
                    var character = Character(scalar)
                    if generator.next() % 8 == 0 { character = Character("e\u{301}") }
                    let color = TerminalColor.indexed(UInt8(generator.next() % 256))
                    frame[x, y] = Cell(
                        character, foreground: color, background: .rgb(1, 2, UInt8(generator.next() % 256)),
                        attributes: CellAttributes(rawValue: UInt8(generator.next() % 32)))
                }
            }
            // A glyph per cell a terminal draws: one-cell characters, and wide ones whose right half follows.
            for y in 0..<frame.height {
                for x in 0..<frame.width {
                    let character = frame[x, y].character
                    let cells = DisplayWidth.of(character)
                    let whole = cells == 1 || (cells == 2 && x + 1 < frame.width && frame[x + 1, y].isContinuation)
                    if whole && !character.isWhitespace && GlyphGeometry.pieces(for: character) == nil {
                        textCells += 1
                    }
                }
            }
            let svg = try SVGReader(Self.svg(frame, title: "fuzz \u{0}\u{1B}<x>"))
            #expect(svg.glyphs.count == textCells)
        }
    }

    @Test func reverseSwapsColoursAndBoldIsAFontWeight() throws {
        var frame = Frame(width: 3, height: 1)
        frame.put("ab", x: 0, y: 0, style: CellStyle(attributes: [.reverse, .bold]))
        let svg = try SVGReader(Self.svg(frame))
        let palette = SVGPalette(theme: .fallback)
        #expect(svg.glyphs.map(\.fill) == [palette.background.description, palette.background.description])
        #expect(svg.glyphs.allSatisfy { $0.bold })
        #expect(svg.background(atX: 0.5, y: 0.5) == palette.foreground.description)
    }

    @Test func brailleDotsAndDiagonalsAreGeometry() throws {
        var frame = Frame(width: 2, height: 1)
        frame.put("⣿╱", x: 0, y: 0, foreground: .rgb(1, 2, 3))
        let svg = try SVGReader(Self.svg(frame))
        #expect(svg.shapes.count == 8)
        #expect(svg.polygonCount == 1)
        #expect(svg.glyphs.isEmpty)
    }

    @Test func roundedCornersAreArcsThatMeetTheirLines() throws {
        var frame = Frame(width: 3, height: 3)
        frame.put("╭─╮", x: 0, y: 0, foreground: .rgb(1, 1, 1))
        frame.put("╰─╯", x: 0, y: 2, foreground: .rgb(1, 1, 1))
        let svg = Self.svg(frame)
        let read = try SVGReader(svg)
        #expect(read.polygonCount == 4)
        #expect(read.shapes.count == 2, "the two ─ stay rects")
        // ╭ leaves through the right edge at the height of ─, and enters through the bottom edge.
        let corner = try #require(GlyphGeometry.pieces(for: "╭")?.first)
        guard case .polygon(let points) = corner.outline else {
            Issue.record("╭ is not a polygon")
            return
        }
        let xs = stride(from: 0, to: points.count, by: 2).map { points[$0] }
        let ys = stride(from: 1, to: points.count, by: 2).map { points[$0] }
        #expect(xs.min() == 420 && xs.max() == 1000)
        #expect(ys.min() == 460 && ys.max() == 1000)
        #expect(zip(xs, ys).filter { $0.0 == 1000 }.map(\.1).sorted() == [460, 540])
    }

    @Test func numbersAreShortAndExact() {
        #expect(SVGNumber.thousandths(12000) == "12")
        #expect(SVGNumber.thousandths(500) == ".5")
        #expect(SVGNumber.thousandths(-125) == "-.125")
        #expect(SVGNumber.thousandths(3050) == "3.05")
        #expect(SVGNumber.thousandths(0) == "0")
    }

    @Test(arguments: [HeatmapMode.weights, .logits])
    func fullScreenStaysSmall(mode: HeatmapMode) throws {
        let frame = try Self.frame(
            params: AttentionParams(n: 512, causal: true), view: ViewState(heatmap: mode), width: 200, height: 60)
        let bytes = Self.svg(frame).utf8.count
        #expect(bytes < 400_000, "200 × 60 SVG is \(bytes) bytes")
        #expect(Self.svg(frame) == Self.svg(frame))
    }
}
