import AttentionCore
import TensorFiles
import Testing

@testable import Rendering

@Suite struct TokenAxesTests {
    static let sentence = ["[CLS]", "the", "cat", "sat", "on", "the", "mat", "[SEP]"]

    /// Row i attends key (i + 1) mod n most.
    static func shifted(_ n: Int) -> Matrix {
        Matrix(rows: n, cols: n, values: (0..<(n * n)).map { $0 % n == ($0 / n + 1) % n ? 0.8 : 0.2 / Float(n - 1) })
    }

    @Test func windowShowsEverythingThatFitsAndFollowsTheRowOtherwise() {
        let whole = TokenWindow(n: 8, m: 8, selectedRow: 3, width: 40, height: 10)
        #expect(whole.rows == 0..<8 && whole.keys == 0..<8 && whole.isWhole(n: 8, m: 8))
        let window = TokenWindow(n: 512, m: 512, selectedRow: 300, width: 60, height: 20)
        #expect(window.rows == 290..<310 && window.keys == 285..<315)
        let top = TokenWindow(n: 512, m: 512, selectedRow: 2, width: 60, height: 20)
        #expect(top.rows == 0..<20 && top.keys == 0..<30)
        let bottom = TokenWindow(n: 512, m: 512, selectedRow: 511, width: 60, height: 20)
        #expect(bottom.rows == 492..<512 && bottom.keys == 482..<512)
    }

    @Test func rowLabelsJoinTokensOrGiveTheRange() {
        let tokens = Self.sentence
        #expect(TokenLabels.rowLabel(tokens: tokens, range: 2..<3, width: 10) == "cat")
        #expect(TokenLabels.rowLabel(tokens: tokens, range: 1..<3, width: 10) == "the cat")
        #expect(TokenLabels.rowLabel(tokens: tokens, range: 0..<4, width: 10) == "0–3")
        #expect(TokenLabels.rowLabel(tokens: ["extraordinarily"], range: 0..<1, width: 6) == "extra…")
        #expect(TokenLabels.rowLabelWidth(tokens) == 6)
        #expect(TokenLabels.rowLabelWidth(["a", "incomprehensibilities"]) == 11)
        #expect(TokenLabels.downward("cat", rows: 5) == ["c", "a", "t"])
        #expect(TokenLabels.downward("##ing", rows: 4) == ["#", "#", "i", "…"])
        #expect(TokenLabels.downward("[CLS]", rows: 1) == ["["] && TokenLabels.downward("cat", rows: 2) == ["c", "a"])
        #expect(TokenLabels.keyLabelRows(tokens) == 5)
    }

    @Test func smallMatricesGetATokenOnEveryRowAndUnderEveryKey() {
        let styles = ThemeStyles(theme: .fallback, depth: .none, ascii: false)
        let widget = TokenHeatmapWidget(
            matrix: Self.shifted(8), mask: Mask(n: 8, m: 8, causal: false), mode: .weights,
            queryTokens: Self.sentence, keyTokens: Self.sentence, selectedRow: 2, zoomed: false,
            sharpness: RowSharpness(normalizedEntropy: []))
        var frame = Frame(width: 40, height: 14)
        widget.draw(into: &frame, area: frame.bounds, styles: styles)
        let lines = frame.plainText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("  [CLS] ::%%::"))
        #expect(lines[2].hasPrefix("▶   cat ::::::%%::"), "the selected query is marked")
        #expect(lines[7].hasPrefix("  [SEP] %%::"))
        #expect(lines[8] == "        [ t c s o t m [", "key tokens downwards, two columns each")
        #expect(lines[9] == "        C h a a n h a S")
        #expect(widget.strongestKey == 3, "cat attends sat")
        #expect(frame[14, 8].attributes.contains(.bold), "the strongest key's label is highlighted")
        #expect(widget.size(in: frame.bounds, styles: styles) == (8 + 16 + 10, 8 + 5))
        #expect(widget.note(in: frame.bounds, styles: styles) == "8×8 tokens")
        #expect(frame[14, 2].character == "%" && frame[8, 2].character == ":", "√0.8 and √(0.2/7) on the shade ramp")
    }

    @Test func largeMatricesShowAnOverviewWithTokenRangesAndZoomToAWindow() {
        let styles = ThemeStyles(theme: .fallback, depth: .trueColor, ascii: false)
        let tokens = (0..<128).map { "w\($0)" }
        var widget = TokenHeatmapWidget(
            matrix: Self.shifted(128), mask: Mask(n: 128, m: 128, causal: true), mode: .weights,
            queryTokens: tokens, keyTokens: tokens, selectedRow: 70, zoomed: false,
            sharpness: RowSharpness(normalizedEntropy: []))
        // 60 columns for the picture and its legend, plus the sharpness strip.
        let area = Rect(x: 0, y: 0, width: 60 + RowSharpnessStrip.width, height: 20)
        guard case .overview(let geometry) = widget.layout(in: area, styles: styles) else {
            Issue.record("128 tokens do not fit one row each in 20 rows")
            return
        }
        #expect(geometry.pool == 4)
        var frame = Frame(width: area.width, height: 20)
        widget.draw(into: &frame, area: area, styles: styles)
        let text = frame.plainText()
        #expect(text.contains("0–7") && text.contains("64–71"), "each text row says which tokens it covers")
        #expect(widget.note(in: area, styles: styles) == "128×128 · 4 tokens a cell · z one row per token")
        widget = TokenHeatmapWidget(
            matrix: Self.shifted(128), mask: Mask(n: 128, m: 128, causal: true), mode: .weights,
            queryTokens: tokens, keyTokens: tokens, selectedRow: 70, zoomed: true,
            sharpness: RowSharpness(normalizedEntropy: []))
        guard case .tokenRows(let window, magnification: 1) = widget.layout(in: area, styles: styles) else {
            Issue.record("z shows one row per token")
            return
        }
        #expect(window.rows.contains(70) && window.rows.count == 16)
        var zoomed = Frame(width: area.width, height: 20)
        widget.draw(into: &zoomed, area: area, styles: styles)
        let lines = zoomed.plainText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[70 - window.rows.lowerBound].hasPrefix("▶     w70 ▀"))
        #expect(zoomed[6 + 2 * (80 - window.keys.lowerBound), 70 - window.rows.lowerBound].character == "╱", "masked")
        #expect(widget.note(in: area, styles: styles).hasPrefix("rows \(window.rows.lowerBound)–"))
    }

    @Test func overviewRowsOfTwoShortTokensNameThem() {
        let styles = ThemeStyles(theme: .fallback, depth: .trueColor, ascii: false)
        let tokens = ["[CLS]", "the", "animal", "didn", "'", "t", "cross", "the", "street", "because", "it", "was"]
        let widget = TokenHeatmapWidget(
            matrix: Self.shifted(12), mask: Mask(n: 12, m: 12, causal: false), mode: .weights, queryTokens: tokens,
            keyTokens: tokens, selectedRow: 10, zoomed: false, sharpness: RowSharpness(normalizedEntropy: []))
        var frame = Frame(width: 44 + RowSharpnessStrip.width, height: 7)
        widget.draw(into: &frame, area: frame.bounds, styles: styles)
        let text = frame.plainText()
        #expect(text.contains("[CLS] the") && text.contains("animal didn") && text.contains("it was"))
        #expect(text.contains("8–9"), "'street because' is wider than 12 cells: its indices instead")
        #expect(widget.overviewLabelWidth == 2 + 12 + 1)
    }

    @Test func wideTokensKeepTheirColumns() {
        let styles = ThemeStyles(theme: .fallback, depth: .none, ascii: false)
        let tokens = ["[CLS]", "東", "京", "[SEP]"]
        let widget = TokenHeatmapWidget(
            matrix: Self.shifted(4), mask: Mask(n: 4, m: 4, causal: false), mode: .weights, queryTokens: tokens,
            keyTokens: tokens, selectedRow: 1, zoomed: false, sharpness: RowSharpness(normalizedEntropy: []))
        var frame = Frame(width: 30, height: 10)
        widget.draw(into: &frame, area: frame.bounds, styles: styles)
        let lines = frame.plainText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1].hasPrefix("▶    東 ::::%%"))
        #expect(lines[4] == "        [ 東京[", "a wide key token fills its two columns")
    }
}

/// A column tick never runs into the H/ln m strip's label on the same row (at 80×24 a 19-key
/// heatmap read `16H/ln m`): over many sizes, a space always comes before the label.
@Test func columnTicksLeaveASpaceBeforeTheStripLabel() {
    let styles = ThemeStyles(theme: .fallback, depth: .none, ascii: false)
    for n in 2...40 {
        let matrix = TokenAxesTests.shifted(n)
        let widget = HeatmapWidget(
            matrix: matrix, mask: Mask(n: n, m: n, causal: false), mode: .weights, selectedRow: 0,
            sharpness: RowSharpness(normalizedEntropy: []))
        for (width, height) in [(46, 8), (46, 12), (60, 14), (80, 20), (52, 10)] {
            var frame = Frame(width: width, height: height)
            widget.draw(into: &frame, area: frame.bounds, styles: styles)
            let text = frame.plainText()
            for line in text.split(separator: "\n") where line.contains("H/ln m") {
                let before = line[..<line.range(of: "H/ln m")!.lowerBound].last
                #expect(before == " ", "n \(n) at \(width)×\(height): '\(line)'")
            }
        }
    }
}
