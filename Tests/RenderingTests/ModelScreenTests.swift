import AttentionCore
import Foundation
import TensorFiles
import TestSupport
import Testing

@testable import Rendering

/// Model mode as the renderer draws it, from generated Q and K labelled with a sentence's tokens
/// (the real encoder's screens are the app's goldens).
@Suite struct ModelScreenTests {
    static let tokens = ["[CLS]", "the", "cat", "sat", "on", "the", "mat", "in", "東", "京", "[SEP]"]

    static func screen(
        tokens: [String] = tokens, view: ViewState = ViewState(selectedRow: 2), zoomed: Bool = false,
        grid: HeadsGrid? = nil, editor: LineEditor? = nil, width: Int, height: Int, depth: ColorDepth = .none
    ) throws -> Frame {
        let n = tokens.count
        let (result, curve) = try SampleResults.withCurve(AttentionParams(n: n, dk: 32, seed: 3))
        let labels = ModelHead(
            model: "tiny", text: "the cat sat on the mat in 東京", tokens: tokens, layer: 1, head: 3, layers: 2,
            heads: 4, headWidth: 32)
        let model = ModelView(labels: labels, zoomed: zoomed, grid: grid, editor: editor)
        return ScreenRenderer(theme: .fallback, depth: depth).render(
            result: result, curve: curve, view: view, model: model, keys: .sample(model: true), width: width,
            height: height)
    }

    @Test func modelScreenNamesTheHeadAndLabelsTokens() throws {
        for (width, height) in [(80, 24), (160, 48)] {
            let text = try Self.screen(width: width, height: height).plainText()
            #expect(text.contains("attention · layer 1 head 3"))
            #expect(text.contains("▶   cat "), "the selected query token at the left of its row")
            #expect(
                text.contains("cat (2) attends to"), "the ranked keys, in the histograms' place on a compact screen")
            #expect(text.contains("layer     1 of 2") && text.contains("head      3 of 4"))
            #expect(text.contains("L1 H3 · cat"))
        }
    }

    /// The help's panel guide describes what the model screen draws: its one-row-per-token heatmap
    /// has no H / ln m strip and its row panel ranks tokens (its title names the token, not a max).
    @Test func theSplitViewNamesThePairUnderBothDivisors() throws {
        let n = Self.tokens.count
        let labels = ModelHead(
            model: "tiny", text: "the cat sat on the mat in 東京", tokens: Self.tokens, layer: 1, head: 3, layers: 2,
            heads: 4, headWidth: 32)
        let now = try SampleResults.make(n: n, dk: 32, scale: .none, seed: 3)
        let standard = try SampleResults.make(n: n, dk: 32, seed: 3)
        let frame = ScreenRenderer(theme: .fallback, depth: .none).renderComparison(
            result: now, baseline: standard, view: ViewState(selectedRow: 2),
            model: ModelView(labels: labels, keyToken: 6), keys: .sample(model: true), width: 120, height: 40)
        let text = frame.plainText()
        for result in [now, standard] {
            let weight = NumberFormat.fixed(Double(result.weights[2, 6]), 3)
            #expect(text.contains("cat (2) attends to mat (6): \(weight)"), "each side titles the pair with its weight")
        }
        #expect(now.weights[2, 6] != standard.weights[2, 6], "the two divisors give the pair different weights")
    }

    @Test func helpDescribesTheModelScreensPanels() throws {
        let text = try Self.screen(view: ViewState(selectedRow: 2, showHelp: true), width: 120, height: 40).plainText()
        #expect(text.contains("row panel"))
        #expect(!text.contains("H/ln m strip"), "no strip is drawn beside token rows")
        #expect(!text.contains("title: its max"))
        #expect(text.contains("heaviest first"))
        let layout = try #require(
            ScreenLayout(
                width: 120, height: 40, rows: 11, cols: 11,
                styles: ThemeStyles(theme: .fallback, depth: .none, ascii: false)))
        let guide = PanelGuide.lines(
            layout: layout, glyphs: .unicode, drawn: PanelGuide.Drawn(strip: false, tokens: true, theory: false))
        #expect(!guide.contains { $0.text.contains("theory") }, "no theory curve or column for a model")
    }

    /// A large screen magnifies a text that fits with room to spare (each token 2 or 3 rows high and
    /// twice that wide) instead of leaving the heatmap at one row per token and the panel half empty.
    @Test func largeScreensMagnifyTheTokenHeatmap() throws {
        func heatmapRows(_ width: Int, _ height: Int) throws -> Int {
            let lines = try Self.screen(width: width, height: height).plainText().split(separator: "\n")
            return lines.prefix { !$0.hasPrefix("╰") }.count - 1
        }
        let tokens = Self.tokens.count
        #expect(try heatmapRows(120, 40) < 2 * tokens, "one row per token at 120 × 40")
        #expect(try heatmapRows(200, 60) >= 2 * tokens, "at least two rows per token at 200 × 60")
        let text = try Self.screen(width: 200, height: 60).plainText()
        #expect(text.contains("cat (2) attends to") && text.contains("▶   cat "))
    }

    @Test func gridAndEditorOverlays() throws {
        let heads = (0..<2).map { layer in
            (0..<4).map { head in
                HeadSummary(
                    entropyNormalizedMean: 0.2 * Double(head), maxWeightMean: 0.5, regime: head < 2 ? .peaked : .flat,
                    thumbnail: Matrix(rows: 2, cols: 2, values: [1, 0, 0, 1]))
            }
        }
        let grid = try Self.screen(
            grid: HeadsGrid(cursor: HeadRef(layer: 1, head: 2), summaries: heads), width: 80, height: 24)
        #expect(grid.plainText().contains("heads · layer 1 head 2 · H/ln m 0.4000 · mean max weight 0.5000 flat"))
        #expect(grid.plainText().contains("H/ln m; p: mean max wt ≥ 0.5, f: flat, b: balanced"))
        let editor = try Self.screen(editor: LineEditor(text: "the cat sat on the mat in 東京"), width: 80, height: 24)
        #expect(editor.plainText().contains("text ▸ the cat sat on the mat in 東京"))
        #expect(editor.plainText().contains("Enter run · Esc cancel"))
    }
}
