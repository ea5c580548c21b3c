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

    @Test func gridLabelsLayersAndHeadsAndCaptionsEveryCell() throws {
        let styles = ThemeStyles(theme: .fallback, depth: .none, ascii: false)
        var frame = Frame(width: 78, height: 21)
        HeadsGridWidget(summaries: Self.summaries(layers: 6, heads: 12), cursorLayer: 2, cursorHead: 7).draw(
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
        #expect(HeadsGridWidget.caption(summary, width: 8) == "0.050 b", "three decimals where they fit")
        #expect(HeadsGridWidget.caption(summary, width: 6) == "0.05 b")
        #expect(HeadsGridWidget.caption(summary, width: 4) == ".05b")
        #expect(HeadsGridWidget.caption(summary, width: 3) == "b")
    }

    @Test func thumbnailsShowTheHeadsPattern() throws {
        let styles = ThemeStyles(theme: .fallback, depth: .trueColor, ascii: false)
        var frame = Frame(width: 40, height: 10)
        let summaries = Self.summaries(layers: 1, heads: 2)
        HeadsGridWidget(summaries: summaries, cursorLayer: 0, cursorHead: 0).draw(
            into: &frame, area: frame.bounds, styles: styles)
        let cell = try #require(HeadsGridWidget.cellRect(layer: 0, head: 1, layers: 1, heads: 2, area: frame.bounds))
        #expect(frame[cell.x, cell.y].character == "▀")
        #expect(frame[cell.x, cell.y].foreground != frame[cell.maxX - 1, cell.y].foreground, "diagonal vs off-diagonal")
        var tiny = Frame(width: 20, height: 4)
        HeadsGridWidget(summaries: Self.summaries(layers: 6, heads: 12), cursorLayer: 0, cursorHead: 0).draw(
            into: &tiny, area: tiny.bounds, styles: styles)
        #expect(tiny.plainText().hasPrefix("the grid needs a lar"), "clipped to the area")
    }
}
