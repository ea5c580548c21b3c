import AttentionCore
import TensorFiles
import Testing

@testable import Rendering

@Suite struct TokenRankingTests {
    static let tokens = ["[CLS]", "the", "cat", "sat", "[SEP]"]
    static let weights = Matrix(
        rows: 2, cols: 5, values: [0.5, 0.1, 0.1, 0.2, 0.1, 0.05, 0.05, 0.6, 0.25, 0.05])

    @Test func keysAreRankedByWeightThenPosition() {
        let widget = TokenRankingWidget(
            weights: Self.weights, mask: Mask(n: 2, m: 5, causal: false), row: 1, keyTokens: Self.tokens)
        #expect(widget.ranked(limit: 3).map(\.key) == [2, 3, 0])
        let causal = TokenRankingWidget(
            weights: Self.weights, mask: Mask(n: 2, m: 5, causal: true), row: 0, keyTokens: Self.tokens)
        #expect(causal.ranked(limit: 10).map(\.key) == [0, 3, 1, 2], "masked keys are not ranked")
        #expect(widget.title == "the (1) attends to")
    }

    @Test func listShowsTokenWeightAndABarOnTheAbsoluteScale() {
        let styles = ThemeStyles(theme: .fallback, depth: .none, ascii: false)
        var frame = Frame(width: 30, height: 3)
        TokenRankingWidget(weights: Self.weights, mask: Mask(n: 2, m: 5, causal: false), row: 1, keyTokens: Self.tokens)
            .draw(into: &frame, area: frame.bounds, styles: styles)
        let lines = frame.plainText().split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("1 cat 0.600 ") && lines[1].hasPrefix("2 sat 0.250 "))
        #expect(lines[2] == "+3 more", "the keys past the panel's rows are counted, not dropped silently")
        var tall = Frame(width: 30, height: 5)
        TokenRankingWidget(weights: Self.weights, mask: Mask(n: 2, m: 5, causal: false), row: 1, keyTokens: Self.tokens)
            .draw(into: &tall, area: tall.bounds, styles: styles)
        let all = tall.plainText().split(separator: "\n").map(String.init)
        #expect(all[0] == "1 cat   0.600 █████████▋", "0.6 of 16 cells: 9⅝")
        #expect(all[1] == "2 sat   0.250 ████")
        #expect(all[2] == "3 [CLS] 0.050 ▊", "0.8 cells: six eighths")
        #expect(all.count == 5 && !all.joined().contains("more"), "every key fits: no count")
    }

    /// A token the text has twice is listed with its position, so the two are told apart.
    @Test func repeatedTokensCarryTheirPositions() {
        let styles = ThemeStyles(theme: .fallback, depth: .none, ascii: false)
        var frame = Frame(width: 34, height: 5)
        TokenRankingWidget(
            weights: Self.weights, mask: Mask(n: 2, m: 5, causal: false), row: 1,
            keyTokens: ["[CLS]", "the", "cat", "the", "[SEP]"]
        ).draw(into: &frame, area: frame.bounds, styles: styles)
        let lines = frame.plainText().split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("2 the (3) 0.250"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("4 the (1) ") }, "\(lines)")
        #expect(lines[0].hasPrefix("1 cat "), "a token seen once keeps its plain spelling")
    }

    @Test func modelParametersNameTheHead() {
        let model = ModelView(
            labels: ModelHead(
                model: "minilm", text: "the cat", tokens: Self.tokens, layer: 3, head: 7, layers: 6, heads: 12,
                headWidth: 32))
        let lines = ModelParameterLines(
            model: model, params: AttentionParams(dk: 32), divisor: 32.0.squareRoot(), themeName: "default",
            ascii: false
        ).lines
        #expect(lines.map(\.label).prefix(5) == ["model", "layer", "head", "d_head", "tokens"])
        #expect(lines.map(\.value).prefix(5) == ["minilm", "3 of 6", "7 of 12", "32", "5"])
        #expect(lines.first { $0.label == "divisor s" }?.value == "5.657")
    }
}
