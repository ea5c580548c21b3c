import AttentionCore
import TensorFiles
import Testing

@testable import Rendering

@Suite struct HeadsGridWidgetTests {
    /// A layers × heads grid whose head (l, h) attends its diagonal with strength growing with h.
    static func summaries(layers: Int, heads: Int) -> [[HeadSummary]] {
        (0..<layers).map { layer in
            (0..<heads).map { head in
                let peak = Float(head + 1) / Float(heads + 1)
                let values = (0..<16).map { $0 % 5 == 0 ? peak : (1 - peak) / 3 }
                return HeadSummary(
                    entropyNormalizedMean: Double(layer) / 10 + 0.05, maxWeightMean: Double(peak),
                    regime: peak >= 0.5 ? .peaked : .balanced, thumbnail: Matrix(rows: 4, cols: 4, values: values))
            }
        }
    }

    /// The widget for `summaries` with the cursor on (`layer`, `head`), pictures in layer × head order.
    static func widget(_ summaries: [[HeadSummary]], layer: Int, head: Int) -> HeadsGridWidget {
        let grid = HeadsGrid(cursor: HeadRef(layer: layer, head: head), summaries: summaries)
        return HeadsGridWidget(grid: grid, values: HeadsGridValues(summaries: summaries, divisor: nil))
    }

    @Test func gridLabelsLayersAndHeadsAndCaptionsEveryCell() throws {
        let styles = ThemeStyles(theme: .fallback, depth: .none, ascii: false)
        var frame = Frame(width: 78, height: 21)
        Self.widget(Self.summaries(layers: 6, heads: 12), layer: 2, head: 7).draw(
            into: &frame, area: frame.bounds, styles: styles)
        let lines = frame.plainText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].contains("H0") && lines[0].contains("H11"))
        #expect(lines[1].hasPrefix("L0") && lines[16].hasPrefix("L5"), "three rows per layer")
        #expect(lines[3].contains(".05b") && lines[18].contains(".55p"), "narrow cells shorten the caption")
        #expect(frame[0, 7].attributes.contains(.reverse) == false)
        let cursor = HeadsGridWidget.cellRect(layer: 2, head: 7, layers: 6, heads: 12, area: frame.bounds)
        let cell = try #require(cursor)
        #expect(frame[cell.x, cell.maxY - 1].attributes.contains(.reverse), "the cursor's caption is reversed")
        #expect(frame[cell.x - 1, cell.maxY - 1].character == "▶")
    }

    @Test func cellsGrowWithTheScreenUpToALimit() {
        let small = HeadsGridWidget.cellSize(layers: 6, heads: 12, area: Rect(x: 0, y: 0, width: 78, height: 21))
        #expect(small.width == 5 && small.height == 3)
        let large = HeadsGridWidget.cellSize(layers: 6, heads: 12, area: Rect(x: 0, y: 0, width: 158, height: 45))
        #expect(large.width == 12 && large.height == 7)
        let huge = HeadsGridWidget.cellSize(layers: 2, heads: 2, area: Rect(x: 0, y: 0, width: 300, height: 100))
        #expect(huge.width == 16 && huge.height == 8)
        #expect(
            HeadsGridWidget.cellRect(
                layer: 0, head: 0, layers: 12, heads: 40, area: Rect(x: 0, y: 0, width: 80, height: 10)) == nil)
    }

    @Test func captionsShortenToTheCell() {
        let summary = Self.summaries(layers: 1, heads: 3)[0][0]
        #expect(HeadsGridWidget.caption(summary, width: 8) == "0.05 b")
        #expect(HeadsGridWidget.caption(summary, width: 4) == ".05b")
        #expect(HeadsGridWidget.caption(summary, width: 3) == "b")
    }

    @Test func thumbnailsShowTheHeadsPattern() throws {
        let styles = ThemeStyles(theme: .fallback, depth: .trueColor, ascii: false)
        var frame = Frame(width: 40, height: 10)
        let summaries = Self.summaries(layers: 1, heads: 2)
        Self.widget(summaries, layer: 0, head: 0).draw(
            into: &frame, area: frame.bounds, styles: styles)
        let cell = try #require(HeadsGridWidget.cellRect(layer: 0, head: 1, layers: 1, heads: 2, area: frame.bounds))
        #expect(frame[cell.x, cell.y].character == "▀")
        #expect(frame[cell.x, cell.y].foreground != frame[cell.maxX - 1, cell.y].foreground, "diagonal vs off-diagonal")
        var tiny = Frame(width: 20, height: 4)
        Self.widget(Self.summaries(layers: 6, heads: 12), layer: 0, head: 0).draw(
            into: &tiny, area: tiny.bounds, styles: styles)
        #expect(tiny.plainText().hasPrefix("the grid needs a lar"), "clipped to the area")
    }

    /// A statistic fills each cell with its colour on a linear 0…top scale and prints the number; ranked,
    /// the rows are ranks and each cell names its head; the legend says what and on what scale.
    @Test func aStatisticColoursAndRanksTheHeads() throws {
        let summaries = Self.summaries(layers: 2, heads: 3)
        let values = HeadsGridValues(
            summaries: summaries, divisor: 2, pairWeights: [[0.1, 0.7, 0.2], [0.05, 0.4, 0.9]])
        let grid = HeadsGrid(
            cursor: HeadRef(layer: 1, head: 2), values: values, statistic: .weightFromTo, order: .descending,
            pair: "it (9) → animal (2)")
        #expect(
            grid.ranking.prefix(3) == [
                HeadRef(layer: 1, head: 2), HeadRef(layer: 0, head: 1), HeadRef(layer: 1, head: 1),
            ])
        let styles = ThemeStyles(theme: .fallback, depth: .none, ascii: false)
        var frame = Frame(width: 70, height: 12)
        HeadsGridWidget(grid: grid, values: values).draw(into: &frame, area: frame.bounds, styles: styles)
        let lines = frame.plainText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(HeadsGridWidget.cellRect(layer: 0, head: 0, layers: 2, heads: 3, area: frame.bounds))
        #expect(lines[first.y].hasPrefix("1 ") && lines[first.y].contains("L1 H2"), "rank 1 is layer 1 head 2")
        #expect(lines[first.maxY - 1].contains("0.900") && lines[first.maxY - 1].contains("0.700"))
        let second = try #require(HeadsGridWidget.cellRect(layer: 1, head: 0, layers: 2, heads: 3, area: frame.bounds))
        #expect(lines[second.y].hasPrefix("4 "), "the second row starts at rank 4")
        let shade = Glyphs.shades[Int(0.9 * Double(Glyphs.shades.count - 1) + 0.5)]
        #expect(frame[first.x, first.y + 1].character == shade, "the weight 0.9 on the 0…1 scale")
        #expect(lines[11].hasPrefix("weight it (9) → animal (2)  0 ") && lines[11].contains("ranked, largest first"))
        #expect(
            HeadsGridWidget.number(0.64712, width: 5) == "0.647" && HeadsGridWidget.number(0.64712, width: 4) == ".647")
        #expect(HeadsGridWidget.number(0.0002, width: 5) == "2e-4", "a small value never reads as zero")
        #expect(HeadsGridWidget.number(35.25, width: 4) == "35.2" || HeadsGridWidget.number(35.25, width: 4) == "35.3")
        #expect(HeadsGridWidget.name(HeadRef(layer: 5, head: 11), width: 5) == "L5H11")
        #expect(HeadsGridWidget.name(HeadRef(layer: 5, head: 11), width: 4) == "5.11")
    }
}
