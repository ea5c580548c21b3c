import AttentionCore
import TensorFiles
import TestSupport
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

/// A pooled cell shows its block's most extreme unmasked entry, so a peak is never averaged away.
@Test func poolingKeepsTheExtremeOfOnlyUnmaskedEntries() {
    let matrix = Matrix(rows: 2, cols: 2, values: [0.25, 0.75, 1.0, 0.5])
    let causal = PooledMatrix(matrix, mask: Mask(n: 2, m: 2, causal: true), pool: 2)
    #expect(causal[0, 0] == 1.0)
    let hidden = PooledMatrix(matrix, mask: Mask(n: 2, m: 2, causal: false), pool: 2)
    #expect(hidden[0, 0] == 1.0)
    let logits = PooledMatrix(
        Matrix(rows: 2, cols: 2, values: [2, -7, 3, 0]), mask: Mask(n: 2, m: 2, causal: false), pool: 2)
    #expect(logits[0, 0] == -7, "the logit farthest from 0, with its sign")
    let oneHot = PooledMatrix(
        Matrix(rows: 4, cols: 4, values: (0..<16).map { $0 % 5 == 0 ? 0.95 : 0.0167 }),
        mask: Mask(n: 4, m: 4, causal: false), pool: 2)
    #expect(oneHot[0, 0] == 0.95 && oneHot[1, 1] == 0.95, "one-hot rows keep their full colour")
    let masked = PooledMatrix(
        Matrix(rows: 2, cols: 2, values: [0.5, 0.5, 0.5, 0.5]), mask: Mask(n: 2, m: 2, causal: true), pool: 1)
    #expect(masked[0, 1] == nil)
    #expect(masked[1, 1] == 0.5)
}

/// Each column sums the bins it covers, a shared bin split in proportion: the total is kept and
/// so is where the mass sits.
@Test func resamplingKeepsTheTotalAndWhereItIs() {
    let counts: [Double] = [1, 2, 3, 4, 5, 6, 7]
    for columns in [1, 3, 7, 10, 20] {
        let resampled = Bars.resample(counts, columns: columns)
        #expect(resampled.count == columns)
        #expect(abs(resampled.reduce(0, +) - 28) < 1e-9)
    }
    #expect(Bars.resample(counts, columns: 7) == counts)
    #expect(Bars.resample(counts, columns: 14) == counts.flatMap { [$0 / 2, $0 / 2] })
    // 7 bins over 3 columns of 7/3 bins each: 1 + 2 + ⅓·3, ⅔·3 + 4 + ⅔·5, ⅓·5 + 6 + 7.
    let thirds = Bars.resample(counts, columns: 3)
    let expected: [Double] = [4, 6 + 10.0 / 3, 13 + 5.0 / 3]
    for (value, expected) in zip(thirds, expected) {
        #expect(abs(value - expected) < 1e-9, "\(thirds)")
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
    let frame = ScreenRenderer(theme: .fallback, depth: .none).render(
        result: try SampleResults.make(n: 4), curve: [], view: ViewState(), keys: .sample(), width: 79,
        height: 30)
    #expect(frame.plainText().contains("terminal too small (need 80×24)"))
    #expect(frame.plainText().contains("now 79×30"))
}

/// Statistics, weights and curves the renderer gets could in principle hold NaN or infinities (the
/// logits themselves are finite by the core's contract): the frame still draws, and says "nan".
@Test func nonFiniteNumbersDrawWithoutTrapping() throws {
    let params = AttentionParams(n: 3, dk: 4)
    let logits = Matrix(rows: 3, cols: 3, values: [1e30, -1e30, 0, 1, 2, 3, 0, 0, 0])
    let weights = Matrix(rows: 3, cols: 3, values: [.nan, .infinity, 0, 0.2, 0.3, 0.5, 1, 0, 0])
    let stats = AttentionStatistics(
        logitMean: .nan, logitStd: .infinity, logitStdExpected: 0, entropyMean: .nan, entropyNormalizedMean: .infinity,
        maxWeightMean: 1, effectiveTokensMean: 1, jacobianFroMean: 0, scoreGradMean: .nan, scoreGradMedian: .nan,
        scoreGradMax: .infinity, unsafeRowsFP16: .nan, overflowRowsFP16: .infinity, unsafeRowsFP32: -1,
        overflowRowsFP32: 2, regime: .peaked)
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
            let frame = ScreenRenderer(theme: .fallback, depth: depth).render(
                result: result, curve: curve, view: ViewState(heatmap: mode), keys: .sample(),
                width: 120, height: 40)
            let text = frame.plainText()
            // A number that is not one is spelled, never drawn as a value or a verdict's bar.
            #expect(text.contains("logit mean   nan") && text.contains("logit std    inf"), "\(depth) \(mode)")
            #expect(text.contains("grad median  nan") && text.contains("grad max     inf"), "\(depth) \(mode)")
            #expect(text.contains("row 0 of 3 · max nan at key 0"), "\(depth) \(mode)")
            guard depth == .none, mode == .weights else { continue }
            // Row 0's cells (NaN, ∞, 0) draw blank in the shade ramp; row 2's weight 1 is the darkest shade.
            let lines = text.split(separator: "\n")
            #expect(lines[1].hasPrefix("│▶0" + String(repeating: " ", count: 36)))
            #expect(lines[13].hasPrefix("│ 2@@@@@@@@@@@@ "))
        }
    }
}

@Test func statusBarKeepsHelpAndQuitAndFillsTheRestWithKeys() {
    let styles = ThemeStyles(theme: .fallback, depth: .none, ascii: false)
    var wide = Frame(width: 200, height: 1)
    StatusBar(message: "saved /tmp/a.txt", hints: ScreenKeys.sample().hints).draw(
        into: &wide, area: Rect(x: 0, y: 0, width: 200, height: 1), styles: styles)
    let line = wide.plainText()
    #expect(line.hasPrefix(" saved /tmp/a.txt"))
    #expect(line.hasSuffix("? help  q quit\n"))
    #expect(line.contains("←→ d_k") && line.contains("1 2 3 0 policy"))
    var narrow = Frame(width: 40, height: 1)
    StatusBar(message: String(repeating: "x", count: 60), hints: ScreenKeys.sample().hints).draw(
        into: &narrow, area: Rect(x: 0, y: 0, width: 40, height: 1), styles: styles)
    #expect(narrow.plainText().hasSuffix("? help  q quit\n"))
}

/// A status message quoting a file name shows its control characters escaped (issue 17, point 8).
@Test func statusBarShowsControlCharactersEscaped() {
    var frame = Frame(width: 80, height: 1)
    StatusBar(message: "not saved: a\u{1B}[2J\u{07}.txt: denied", hints: []).draw(
        into: &frame, area: Rect(x: 0, y: 0, width: 80, height: 1),
        styles: ThemeStyles(theme: .fallback, depth: .none, ascii: false))
    #expect(frame.plainText().hasPrefix(#" not saved: a\x1b[2J\x07.txt: denied"#))
    #expect(VisibleControls.escaped("tab\there\u{7F}\u{85}") == #"tab\x09here\x7f\u0085"#)
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
        let frame = ScreenRenderer(theme: .fallback, depth: .palette256).render(
            result: result, curve: [], view: ViewState(heatmap: mode), keys: .sample(), width: 120,
            height: 40)
        #expect(frame.plainText().contains("logits"))
    }
}

/// 1e-6 is a valid divisor; four decimals would show it as 0.0000.
@Test func tinyDivisorIsSpelledWithAnExponent() throws {
    let result = try AttentionEngine().compute(AttentionParams(n: 4, dk: 4, scale: .fixed(1e-6)))
    let frame = ScreenRenderer(theme: .fallback, depth: .none).render(
        result: result, curve: [], view: ViewState(), keys: .sample(), width: 120, height: 40)
    let line = try #require(frame.plainText().split(separator: "\n").first { $0.contains("divisor s") })
    #expect(line.contains("1e-6"))
}

@Test func naiveSoftmaxVerdictSaysHowManyRowsAndWhichWay() {
    #expect(StatisticsPanel.verdict(0, overflow: 0) == "safe")
    #expect(StatisticsPanel.verdict(0.62, overflow: 0.62) == " 62% rows overflow")
    #expect(StatisticsPanel.verdict(1, overflow: 0) == "100% rows underflow")
    #expect(StatisticsPanel.verdict(0.5, overflow: 0.25) == " 50% rows over/under")
    #expect(StatisticsPanel.verdict(1.0 / 4096, overflow: 1.0 / 4096) == " <1% rows overflow")
    #expect(StatisticsPanel.verdict(4095.0 / 4096, overflow: 4095.0 / 4096) == ">99% rows overflow")
}

/// At 80 × 24 the panel has eight lines for twelve statistics: the gradient spread and the fp16
/// verdict stay, the mean logit, entropy in nats, ‖J‖_F and fp32 leave.
@Test func shortStatisticsPanelKeepsTheSpreadAndTheFP16Verdict() throws {
    let panel = StatisticsPanel(stats: try SampleResults.make().stats, logitMeanExpected: nil, ascii: false)
    #expect(
        panel.rows(fitting: 8).map(\.label) == [
            "logit std", "H / ln m", "mean max wt", "eff. tokens", "grad mean", "grad median", "grad max", "fp16 naive",
        ])
    #expect(panel.rows(fitting: 12).count == 12)
    #expect(panel.rows(fitting: 0).isEmpty)
}

@Test func comparisonRatiosReadAsFactors() {
    #expect(ComparisonTable.ratio(32, 1) == "32.0×")
    #expect(ComparisonTable.ratio(0.0237, 0.8893) == "0.027×")
    #expect(ComparisonTable.ratio(1, 1) == "1.00×")
    #expect(ComparisonTable.ratio(1e-9, 1) == "1e-9×")
    #expect(ComparisonTable.ratio(1, 0) == "–")
    #expect(ComparisonTable.ratio(.nan, 1) == "–")
}

/// Both sides on one colour scale: in the logits view the standard side's picture uses the larger
/// half range of the two, so its colours are paler than alone, not rescaled to look the same.
@Test func comparisonSharesOneLogitScaleAndShowsBothBadges() throws {
    let params = AttentionParams(n: 16, dk: 64, scale: .none)
    let engine = AttentionEngine()
    let now = try engine.compute(params), standard = try engine.compute(params.standardBaseline)
    let renderer = ScreenRenderer(theme: .fallback, depth: .none)
    let text = renderer.renderComparison(
        result: now, baseline: standard, view: ViewState(heatmap: .logits), keys: .sample(),
        width: 120, height: 40
    ).plainText()
    #expect(text.contains("PEAKED") && text.contains("BALANCED"))
    #expect(text.contains("now · s = 1.000 (no divisor)") && text.contains("standard · s = √d_k = 8.000"))
    let scale = ScreenRenderer.largestFiniteMagnitude(now.logits)
    #expect(scale == max(scale, ScreenRenderer.largestFiniteMagnitude(standard.logits)))
    for label in ["logit std", "H / ln m", "mean max wt", "eff. tokens", "grad median", "grad max", "fp16 naive"] {
        #expect(text.contains(label), "\(label) row")
    }
}

@Test func comparisonRendersAtEverySizeWithoutTrapping() throws {
    let engine = AttentionEngine()
    let params = AttentionParams(n: 5, m: 3, dk: 8, scale: .none, causal: true)
    let now = try engine.compute(params), standard = try engine.compute(params.standardBaseline)
    for (width, height) in [(0, 0), (1, 1), (79, 24), (80, 23), (80, 24), (81, 25), (119, 35), (120, 36), (300, 100)] {
        for ascii in [false, true] {
            let frame = ScreenRenderer(theme: .fallback, depth: .trueColor, ascii: ascii).renderComparison(
                result: now, baseline: standard, view: ViewState(selectedRow: 99, showHelp: true, comparing: true),
                keys: .sample(help: true), width: width, height: height)
            #expect(frame.width == width && frame.height == height)
            let text = frame.plainText()
            if ascii { #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(width)×\(height) ASCII") }
        }
    }
}

/// In ASCII the help spells √ and ± out, and its box grows to fit the longer words.
@Test func asciiHelpSpellsEveryLineInFull() throws {
    let frame = ScreenRenderer(theme: .fallback, depth: .none, ascii: true).render(
        result: try SampleResults.make(), curve: [], view: ViewState(showHelp: true),
        keys: .sample(help: true), width: 100, height: 30)
    let text = frame.plainText()
    // Nothing cut: the spelled-out line is followed by a gap (then the panel guide, if it fits beside)
    // and the box's right edge.
    let line = try #require(text.split(separator: "\n").first { $0.contains("policy sqrt d_k / d_k / none (alpha 1)") })
    let rest = try #require(line.components(separatedBy: "policy sqrt d_k / d_k / none (alpha 1)").last)
    #expect(rest.hasPrefix("  ") && line.trimmingCharacters(in: .whitespaces).hasSuffix("|"), "\(line)")
    #expect(text.contains("play: sweep the divisor +/-3 octaves"))
}

/// One spelling per number on every screen (issue 18, point 6): the statistics panel and the compare
/// table write the same value the same way, in exponent form below 0.001 (−5e-4) and with about four
/// significant digits above (−0.0011, 13.65).
@Test func theStatisticsPanelAndTheCompareTableSpellANumberAlike() {
    let cases: [(Double, String)] = [
        (-5e-4, "-5e-4"), (-0.0011, "-0.0011"), (0.04890, "0.0489"), (13.65, "13.65"), (2.3e-7, "2.3e-7"),
        (0.1018, "0.1018"),
    ]
    for (value, spelled) in cases {
        let panel = NumberFormat.alignedKeepingSmall([value])[0].trimmingCharacters(in: .whitespaces)
        #expect(panel == spelled, "statistics panel: \(value)")
        #expect(NumberFormat.exponentOrFixed(value) == spelled, "compare table: \(value)")
    }
}
