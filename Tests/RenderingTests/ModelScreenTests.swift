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
        #expect(grid.plainText().contains("heads · layer 1 head 2 · entropy 0.40 flat"))
        let editor = try Self.screen(editor: LineEditor(text: "the cat sat on the mat in 東京"), width: 80, height: 24)
        #expect(editor.plainText().contains("text ▸ the cat sat on the mat in 東京"))
        #expect(editor.plainText().contains("Enter run · Esc cancel"))
    }
}
