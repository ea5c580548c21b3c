import AttentionCore
import Foundation
import Rendering
import TestSupport
import Testing

@testable import attnview

/// Golden frames of the model view with the tiny test model (scripts/make_model_fixtures.py): the
/// picture, the heads grid and the text editor, at the smallest screen and a large one. Regenerate
/// on purpose with `UPDATE_GOLDEN=1 swift test --filter ModelGoldenTests` and read the diff.
@Suite struct ModelGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let tinyModel = folder.deletingLastPathComponent().appendingPathComponent(
        "TransformerTests/Fixtures/models/tiny-f32"
    ).path

    enum Overlay: String, CaseIterable, Sendable { case picture, grid, editor, pair, ranked, everywhere }

    struct Case: Sendable, CustomTestStringConvertible {
        let overlay: Overlay
        let width: Int
        let height: Int
        var name: String { "model-\(overlay.rawValue)-\(width)x\(height)" }
        var testDescription: String { name }
    }

    static let cases = Overlay.allCases.flatMap { overlay in
        [(80, 24), (160, 48)].map { Case(overlay: overlay, width: $0.0, height: $0.1) }
    }

    /// The screen of layer 1, head 1 of the tiny model reading "The cat sat on the mat.", row 2 selected.
    static func frame(_ golden: Case) throws -> Frame {
        let labels = ModelHead(
            model: tinyModel, text: "The cat sat on the mat.", tokens: [], layer: 1, head: 1, layers: 0, heads: 0)
        let trained = try ModelRun(labels: labels, environment: [:])
        // `A` with every divisor doubled: the encoder's run at alpha 2 is on screen.
        let run = golden.overlay == .everywhere ? try trained.running(alpha: 2) : trained
        let engine = AttentionEngine(inputs: FixedInputs.provider(model: run))
        var params = AttentionParams(n: run.labels.tokens.count, dk: run.headWidth, source: .model(run.labels))
        if golden.overlay == .everywhere { params.alpha = 2 }
        let result = try engine.compute(params)
        var model = ModelView(labels: run.labels)
        switch golden.overlay {
        case .picture: break
        case .pair: model.keyToken = 3
        case .ranked:
            // cat (2) → sat (3), every head ranked by that weight, the cursor on the first.
            model.keyToken = 3
            let weights = run.allHeads.map { layer in layer.map { $0.weight(from: 2, to: 3, params: result.params) } }
            let values = HeadsGridValues(
                summaries: HeadSummary.summaries(of: run.allHeads, params: result.params), divisor: result.divisor,
                pairWeights: weights)
            var grid = HeadsGrid(
                cursor: HeadRef(layer: 0, head: 0), values: values, statistic: .weightFromTo, order: .descending,
                pair: model.pair(row: 2))
            grid.cursor = try #require(grid.ranking.first)
            model.grid = grid
        case .everywhere:
            model.everywhere = EffectRunner.everywhere(run, trained: trained, factor: 2)
        case .grid:
            model.grid = HeadsGrid(
                cursor: HeadRef(layer: 1, head: 0), summaries: HeadSummary.summaries(of: run.allHeads, params: params),
                divisor: result.divisor)
        case .editor:
            model.editor = LineEditor(text: "The 猫 sat on a café mat 😀").applying(.moveLeft)
        }
        // Without colour the heatmap and thumbnails are shade characters: a diff shows the weights.
        let mode: InputMode = model.editor != nil ? .editor : model.grid != nil ? .grid : .view
        return ScreenRenderer(theme: .fallback, depth: .none).render(
            result: result, curve: try engine.divisorCurve(result.params), view: ViewState(selectedRow: 2),
            model: model, keys: KeyTable.standard.screen(in: mode, for: params.source), width: golden.width,
            height: golden.height)
    }

    @Test(arguments: cases)
    func frameMatchesGolden(_ golden: Case) throws {
        try GoldenFile("ModelGolden/\(golden.name).txt").check(try Self.frame(golden).plainText())
    }

    @Test func thePictureSpeaksInTokens() throws {
        let text = try Self.frame(Case(overlay: .picture, width: 160, height: 48)).plainText()
        #expect(text.contains("attention · layer 1 head 1"))
        #expect(text.contains("▶   cat "), "the selected query token, marked")
        #expect(text.contains("model     tiny-f32"), "a folder is named by its last component")
        #expect(text.contains("cat (2) attends to"))
        #expect(text.contains("layer     1 of 2") && text.contains("head      1 of 2") && text.contains("d_head    4"))
    }
}
