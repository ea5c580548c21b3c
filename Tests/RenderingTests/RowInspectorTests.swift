import AttentionCore
import TensorFiles
import TestSupport
import Testing

@testable import Rendering

/// A one-hot row must look one-hot: pooled bars keep the peak, and the title names it at any width.
struct RowInspectorTests {
    /// Row 0 of a 2 × 8 matrix: 0.9999 at key 5, the rest spread over the other keys.
    static let weights = Matrix(
        rows: 2, cols: 8,
        values: [0.00002, 0.00002, 0.00002, 0.00002, 0.00001, 0.9999, 0.00001, 0]
            + [Float](repeating: 0.125, count: 8))

    @Test func pooledBarsTakeTheLargestWeightTheyCover() {
        let inspector = RowInspectorWidget(weights: Self.weights, mask: Mask(n: 2, m: 8, causal: false), row: 0)
        let bars = inspector.barValues(pool: 2)
        #expect(bars.count == 4)
        #expect(bars[2] == Double(Float(0.9999)), "keys 4 and 5: the peak, not their mean 0.49995")
        #expect(bars[0] == Double(Float(0.00002)))
        #expect(inspector.barValues(pool: 8) == [Double(Float(0.9999))])
    }

    @Test func maskedKeysDoNotCountAndAllMaskedBarsAreNil() {
        // Causal, n = m = 2 of the 8 columns in a 2 × 2 corner: row 0 sees key 0 only.
        let matrix = Matrix(rows: 2, cols: 2, values: [1, 0, 0.25, 0.75])
        let inspector = RowInspectorWidget(weights: matrix, mask: Mask(n: 2, m: 2, causal: true), row: 0)
        #expect(inspector.barValues(pool: 1) == [1, nil])
        #expect(inspector.peak?.key == 0)
        let second = RowInspectorWidget(weights: matrix, mask: Mask(n: 2, m: 2, causal: true), row: 1)
        #expect(second.peak?.key == 1 && second.peak?.weight == 0.75)
    }

    @Test(arguments: [60, 40, 30, 24, 20, 16])
    func titleNamesTheTrueMaximumAndItsKeyAtEveryWidth(width: Int) {
        let inspector = RowInspectorWidget(weights: Self.weights, mask: Mask(n: 2, m: 8, causal: false), row: 0)
        let title = inspector.title(width: width)
        #expect(title.count <= width)
        #expect(title.contains("0.9999"), "\(title)")
        #expect(title.contains("5"), "\(title)")
    }

    @Test func titleSaysWhenEveryKeyIsMasked() {
        // Causal with n > m: the first n − m rows see no key.
        let matrix = Matrix(rows: 3, cols: 1, values: [0, 0, 1])
        let inspector = RowInspectorWidget(weights: matrix, mask: Mask(n: 3, m: 1, causal: true), row: 0)
        #expect(inspector.peak == nil)
        #expect(inspector.title(width: 40) == "row 0 of 3 · all keys masked")
    }

    /// The case: d_k 1024 without scaling, whose row 0 puts 0.9999 on one key.
    @Test(arguments: [(120, 40), (160, 50), (200, 60)])
    func screenRowPanelReachesTheRowsPeak(size: (width: Int, height: Int)) throws {
        let result = try SampleResults.make(dk: 1024, scale: .none, seed: 0)
        let peak = try #require(
            RowInspectorWidget(weights: result.weights, mask: Mask(n: 64, m: 64, causal: false), row: 0).peak)
        #expect(peak.weight > 0.999)
        let frame = ScreenRenderer(theme: .fallback, depth: .none).render(
            result: result, curve: [], view: ViewState(), keys: .sample(), width: size.width,
            height: size.height)
        let lines = frame.plainText().split(separator: "\n").map(String.init)
        let titleRow = try #require(lines.firstIndex { $0.contains("╭─ row 0 of 64") })
        let weight = NumberFormat.fixed(peak.weight, NumberFormat.decimals(for: peak.weight))
        #expect(lines[titleRow].contains("max \(weight) at key \(peak.key)"), "\(lines[titleRow])")
        #expect(lines[titleRow + 1].contains("│1.000"), "the axis tops out at the peak: \(lines[titleRow + 1])")
    }
}

/// The strip beside the heatmap: one bar per text row, as long as its sharpest row's H / ln m.
struct RowSharpnessStripTests {
    @Test func eachTextRowShowsTheSharpestOfTheRowsItCovers() {
        // 8 rows, half blocks, no pooling: text row r shows query rows 2r and 2r + 1.
        let geometry = HeatmapGeometry(rows: 8, cols: 8, maxWidth: 8, maxHeight: 4, halfBlock: true)
        #expect(geometry.height == 4 && geometry.pool == 1 && geometry.zoom == 1)
        let strip = RowSharpnessStrip(values: [0.9, 0.1, nil, nil, 1, 0.5, nil, 0], geometry: geometry)
        #expect(strip.cellValues() == [0.1, nil, 0.5, 0])
    }

    @Test func barsAreAsLongAsTheValueWithASliverForOneHot() {
        let geometry = HeatmapGeometry(rows: 4, cols: 4, maxWidth: 8, maxHeight: 4, halfBlock: false)
        let strip = RowSharpnessStrip(values: [1, 0.5, 0, nil], geometry: geometry)
        var frame = Frame(width: RowSharpnessStrip.width, height: 5)
        strip.draw(
            into: &frame, area: Rect(x: 0, y: 0, width: RowSharpnessStrip.width, height: 4), labelRow: 4,
            styles: ThemeStyles(theme: .fallback, depth: .none, ascii: false))
        #expect(frame.plainText() == " █████\n ██▌\n ▏\n\nH/ln m\n")
    }
}
