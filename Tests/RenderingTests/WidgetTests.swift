import AttentionCore
import TensorFiles
import Testing

@testable import Rendering

@Test func largeMatricesArePooledByAWholeFactor() {
    let geometry = HeatmapGeometry(rows: 256, cols: 256, maxWidth: 40, maxHeight: 10, halfBlock: true)
    #expect(geometry.pool == 13)
    #expect(geometry.zoom == 1)
    #expect(geometry.width <= 40 && geometry.height <= 10)
    #expect(geometry.pooledRows == 20)
}

@Test func smallMatricesGetLargerCells() {
    let geometry = HeatmapGeometry(rows: 8, cols: 12, maxWidth: 40, maxHeight: 10, halfBlock: true)
    #expect(geometry.pool == 1)
    #expect(geometry.zoom == 2)
    #expect(geometry.width == 24 && geometry.height == 8)
    let shaded = HeatmapGeometry(rows: 8, cols: 12, maxWidth: 40, maxHeight: 10, halfBlock: false)
    #expect(shaded.zoom == 1 && shaded.width == 24 && shaded.height == 8, "two columns per entry without half blocks")
}

@Test func poolingAveragesOnlyUnmaskedEntries() {
    let matrix = Matrix(rows: 2, cols: 2, values: [0.25, 0.75, 1.0, 0.5])
    let causal = PooledMatrix(matrix, mask: Mask(n: 2, m: 2, causal: true), pool: 2)
    #expect(causal[0, 0] == Float((0.25 + 1.0 + 0.5) / 3))
    let masked = PooledMatrix(
        Matrix(rows: 2, cols: 2, values: [0.5, 0.5, 0.5, 0.5]), mask: Mask(n: 2, m: 2, causal: true), pool: 1)
    #expect(masked[0, 1] == nil)
    #expect(masked[1, 1] == 0.5)
}

@Test func resamplingKeepsTheTotal() {
    let counts: [Double] = [1, 2, 3, 4, 5, 6, 7]
    for columns in [1, 3, 7, 10, 20] {
        let resampled = Bars.resample(counts, columns: columns)
        #expect(resampled.count == columns)
        #expect(abs(resampled.reduce(0, +) - 28) < 1e-9)
    }
}

@Test func barsUseEighthBlocks() {
    var frame = Frame(width: 1, height: 3)
    Bars.draw(height: 1.5, x: 0, area: frame.bounds, style: CellStyle(), into: &frame, glyphs: .unicode)
    #expect(frame.plainText() == "\n▄\n█\n")
    var ascii = Frame(width: 1, height: 3)
    Bars.draw(height: 1.5, x: 0, area: ascii.bounds, style: CellStyle(), into: &ascii, glyphs: .ascii)
    #expect(ascii.plainText() == "\n#\n#\n")
}

@Test func weightLegendLabelsRoundValuesOnTheirRows() {
    let labels = HeatmapLegend(mode: .weights, scale: 1, showsMask: false).labels(rows: 21)
    #expect(labels.first?.text == "1.00" && labels.first?.row == 0)
    #expect(labels.last?.text == "0.00" && labels.last?.row == 20)
    #expect(labels.contains { $0.text == "0.25" && $0.row == 10 }, "√0.25 = 0.5: halfway down")
}

@Test func logitLegendIsSymmetricAboutZero() {
    let labels = HeatmapLegend(mode: .logits, scale: 4, showsMask: false).labels(rows: 9)
    #expect(labels.map { $0.text.trimmingWhitespace() } == ["4.00", "2.00", "0.00", "-2.00", "-4.00"])
    #expect(labels.map(\.row) == [0, 2, 4, 6, 8])
}

@Test func shadeRampRunsFromBlankToAt() {
    let styles = ThemeStyles(theme: .fallback, depth: .none, ascii: false)
    let shade = ShadeMapper(styles: styles, logits: false, scale: 1)
    #expect(shade.character(0) == " ")
    #expect(shade.character(1) == "@")
    #expect(shade.character(nil) == "╱")
}

@Test func tooSmallScreenNamesTheMinimum() throws {
    let frame = ScreenRenderer(theme: .fallback, depth: .none, keys: .app).render(
        result: try SampleResults.make(n: 4), curve: [], view: ViewState(), width: 79, height: 30)
    #expect(frame.plainText().contains("terminal too small (need 80×24)"))
    #expect(frame.plainText().contains("now 79×30"))
}

/// Statistics, weights and curves the renderer gets could in principle hold NaN or infinities (the
/// logits themselves are finite by the core's contract): the frame still draws.
@Test func nonFiniteNumbersDrawWithoutTrapping() throws {
    let params = AttentionParams(n: 3, dk: 4)
    let logits = Matrix(rows: 3, cols: 3, values: [1e30, -1e30, 0, 1, 2, 3, 0, 0, 0])
    let weights = Matrix(rows: 3, cols: 3, values: [.nan, .infinity, 0, 0.2, 0.3, 0.5, 1, 0, 0])
    let stats = AttentionStatistics(
        logitMean: .nan, logitStd: .infinity, logitStdExpected: 0, entropyMean: .nan, entropyNormalizedMean: .infinity,
        maxWeightMean: 1, effectiveTokensMean: 1, jacobianFroMean: 0, scoreGradMean: .nan, regime: .peaked)
    var histogram = Histogram(lower: -1, upper: 1, bins: 4, log10Axis: false)
    histogram.counts = [1, 0, 5, 2]
    let result = AttentionResult(
        params: params, divisor: 2, logits: logits, weights: weights, rowEntropy: [.nan, 0, 0], stats: stats,
        logitHistogram: histogram, weightHistogram: Histogram(lower: -8, upper: 0, bins: 8, log10Axis: true))
    let curve = [
        DivisorCurvePoint(octaves: 0.2, divisor: 1, entropyNormalizedMean: .nan, scoreGradMean: .infinity),
        DivisorCurvePoint(octaves: 0.8, divisor: 2, entropyNormalizedMean: 0.5, scoreGradMean: 0.1),
    ]
    for depth in ColorDepth.allCases {
        for mode in [HeatmapMode.weights, .logits] {
            let frame = ScreenRenderer(theme: .fallback, depth: depth, keys: .app).render(
                result: result, curve: curve, view: ViewState(heatmap: mode), width: 120, height: 40)
            #expect(frame.plainText().contains("statistics"))
        }
    }
}

@Test func statusBarKeepsHelpAndQuitAndFillsTheRestWithKeys() {
    let styles = ThemeStyles(theme: .fallback, depth: .none, ascii: false)
    var wide = Frame(width: 200, height: 1)
    StatusBar(message: "saved /tmp/a.txt", hints: KeyGuide.app.hints(in: .view)).draw(
        into: &wide, area: Rect(x: 0, y: 0, width: 200, height: 1), styles: styles)
    let line = wide.plainText()
    #expect(line.hasPrefix(" saved /tmp/a.txt"))
    #expect(line.hasSuffix("? help  q quit\n"))
    #expect(line.contains("←→ d_k") && line.contains("1 2 3 0 policy"))
    var narrow = Frame(width: 40, height: 1)
    StatusBar(message: String(repeating: "x", count: 60), hints: KeyGuide.app.hints(in: .view)).draw(
        into: &narrow, area: Rect(x: 0, y: 0, width: 40, height: 1), styles: styles)
    #expect(narrow.plainText().hasSuffix("? help  q quit\n"))
}

/// Inputs near Float's limit with a tiny divisor: logits clamp to ±Float.greatestFiniteMagnitude
/// while the statistics stay exact in Double (mean ≈ 2e75), far off the histogram's axis.
@Test func astronomicalLogitsDrawWithoutTrapping() throws {
    var big = [Float](repeating: 3e38, count: 4 * 8)
    big[0] = -3e38
    let q = Matrix(rows: 4, cols: 8, values: big)
    let k = Matrix(rows: 4, cols: 8, repeating: 1e30)
    let result = try AttentionEngine().compute(q: q, k: k, params: AttentionParams(n: 4, dk: 8, scale: .fixed(1e-6)))
    #expect(result.stats.logitMean > 1e70)
    for mode in [HeatmapMode.weights, .logits] {
        let frame = ScreenRenderer(theme: .fallback, depth: .palette256, keys: .app).render(
            result: result, curve: [], view: ViewState(heatmap: mode), width: 120, height: 40)
        #expect(frame.plainText().contains("logits"))
    }
}

/// 1e-6 is a valid divisor; four decimals would show it as 0.0000.
@Test func tinyDivisorIsSpelledWithAnExponent() throws {
    let result = try AttentionEngine().compute(AttentionParams(n: 4, dk: 4, scale: .fixed(1e-6)))
    let frame = ScreenRenderer(theme: .fallback, depth: .none, keys: .app).render(
        result: result, curve: [], view: ViewState(), width: 120, height: 40)
    let line = try #require(frame.plainText().split(separator: "\n").first { $0.contains("divisor s") })
    #expect(line.contains("1e-6"))
}

/// In ASCII the help spells √ and ± out, and its box grows to fit the longer words.
@Test func asciiHelpSpellsEveryLineInFull() throws {
    let frame = ScreenRenderer(theme: .fallback, depth: .none, ascii: true, keys: .app).render(
        result: try SampleResults.make(), curve: [], view: ViewState(showHelp: true), width: 100, height: 30)
    let text = frame.plainText()
    #expect(text.contains("policy sqrt d_k / d_k / none (alpha 1)  |"))
    #expect(text.contains("play: sweep the divisor +/-3 octaves"))
}
