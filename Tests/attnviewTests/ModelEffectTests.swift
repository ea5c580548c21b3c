import AttentionCore
import Foundation
import Rendering
import Testing
import Transformer

@testable import attnview

/// What the effect runner does with a model: a new text runs the encoder and keeps the head on
/// screen; a text the model cannot take is refused with the reason; the grid summarises every head.
@Suite struct ModelEffectTests {
    static let tinyModel = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TransformerTests/Fixtures/models/tiny-f32").path

    /// A runner and the state showing layer 1, head 1 of the tiny model reading "The cat sat on the mat."
    static func start() throws -> (EffectRunner, AppState) {
        let labels = ModelHead(
            model: tinyModel, text: "The cat sat on the mat.", tokens: [], layer: 1, head: 1, layers: 0, heads: 0)
        let run = try ModelRun(labels: labels, environment: [:])
        let engine = AttentionEngine(inputs: FixedInputs.provider(model: run))
        let params = AttentionParams(n: run.labels.tokens.count, dk: run.headWidth, source: .model(run.labels))
        let result = try engine.compute(params)
        let runner = EffectRunner(
            engine: engine, result: result, catalog: ThemeCatalog(environment: [:]),
            snapshotDirectory: FileManager.default.temporaryDirectory.path, depth: .none, ascii: false, modelRun: run)
        let state = AppState(
            params: result.params, themeName: "default", themeNames: ["default"], dkRange: 1...4, width: 80, height: 24)
        return (runner, state)
    }

    @Test func aNewTextRunsTheEncoderAndKeepsTheHead() throws {
        var (runner, state) = try Self.start()
        let outcome = runner.perform(.runText("the 猫 was too tired"), state: state)
        guard case .textRan(let labels) = outcome.first else {
            Issue.record("expected the new labels, got \(outcome)")
            return
        }
        #expect(labels.tokens == ["[CLS]", "the", "猫", "was", "too", "tired", "[SEP]"])
        #expect(labels.layer == 1 && labels.head == 1 && labels.text == "the 猫 was too tired")
        state = reduce(state, .textRan(labels)).state
        #expect(
            runner.perform(.refresh(.compute(state.params)), state: state).isEmpty,
            "the new engine has the new text's heads")
        #expect(runner.result.params.n == 7)
        #expect(runner.frame(for: state).plainText().contains("猫"))
    }

    @Test func aTextTheModelCannotTakeIsRefusedWithItsReason() throws {
        var (runner, state) = try Self.start()
        let long = String(repeating: "cat ", count: 30)
        let tooLong = runner.perform(.runText(long), state: state)
        #expect(tooLong == [.textRefused("the text gives 32 tokens, over the model's 16 positions")])
        let empty = runner.perform(.runText("\u{200B}\u{200B}"), state: state)  // format characters, which BERT drops
        guard case .textRefused(let reason) = empty.first else {
            Issue.record("expected a refusal, got \(empty)")
            return
        }
        #expect(reason.hasPrefix("the text has no words"))
        state = reduce(state, tooLong[0]).state
        #expect(state.modelHead?.text == "The cat sat on the mat." && runner.result.params.n == 9)
    }

    /// A refused text is not lost under the editor: the editor stays open on it, says why on its own
    /// line, and the next edit clears the reason (issue 17, point 7).
    @Test func aRefusedTextStaysInTheEditorWithTheReasonOnScreen() throws {
        var (runner, state) = try Self.start()
        state = reduce(state, .openEditor).state
        let long = " " + String(repeating: "cat ", count: 30)
        state = reduce(state, .edit(.insert(long))).state
        let submitted = reduce(state, .submitText)
        guard case .runText(let text) = submitted.effects.first else {
            Issue.record("expected the text to run, got \(submitted.effects)")
            return
        }
        state = submitted.state
        for outcome in runner.perform(.runText(text), state: state) { state = reduce(state, outcome).state }
        #expect(state.editor?.text == "The cat sat on the mat." + long, "the text stays for editing")
        let screen = runner.frame(for: state).plainText()
        #expect(screen.contains("the text gives 39 tokens, over the model's 16 positions"), "\(screen)")
        state = reduce(state, .edit(.deleteBackward)).state
        #expect(state.editor?.problem == nil)
        #expect(!runner.frame(for: state).plainText().contains("39 tokens"))
    }

    @Test func theGridSummarisesEveryHeadAtTheCurrentDivisor() throws {
        var (runner, state) = try Self.start()
        state = reduce(state, .toggleGrid).state
        let outcomes = runner.perform(.refresh(.grid), state: state)
        #expect(outcomes.count == 1)
        for outcome in outcomes { state = reduce(state, outcome).state }
        #expect(state.gridValues?.divisor == 2 && state.gridValues?.pairWeights == nil)
        let text = runner.frame(for: state).plainText()
        #expect(text.contains("heads at s = 2.000 · layer 1 head 1") && text.contains("L0") && text.contains("H1"))
        #expect(!text.contains("computing every head"))
    }

    /// The split view of `b` has no model overlays: while the grid or the editor is open it gives
    /// them the screen, and comes back when they close.
    @Test func theGridAndTheEditorDrawOverTheSplitView() throws {
        var (runner, state) = try Self.start()
        state.width = 120
        state.height = 40
        state = reduce(state, .toggleCompare).state
        #expect(runner.perform(.refresh(.baseline), state: state).isEmpty)
        #expect(runner.frame(for: state).plainText().contains("now vs the standard divisor"))
        var grid = reduce(state, .toggleGrid).state
        for outcome in runner.perform(.refresh(.grid), state: grid) { grid = reduce(grid, outcome).state }
        #expect(runner.frame(for: grid).plainText().contains("heads at s = 2.000"))
        let editing = reduce(state, .openEditor).state
        #expect(runner.frame(for: editing).plainText().contains("text ▸ The cat sat on the mat."))
        #expect(runner.frame(for: reduce(editing, .cancelEdit).state).plainText().contains("now vs the standard"))
    }

    /// The split view of `b` on a model lists the model's keys (heads, layers, grid, text, zoom) in
    /// its status bar and help, never the generator's (tokens, seed, rho), also after `f`.
    @Test func theSplitViewOfAModelListsTheModelsKeys() throws {
        var (runner, state) = try Self.start()
        state.width = 120
        state.height = 40
        state = reduce(state, .toggleCompare).state
        #expect(runner.perform(.refresh(.baseline), state: state).isEmpty)
        let bar = try #require(runner.frame(for: state).plainText().split(separator: "\n").last)
        #expect(bar.contains(". , head") && !bar.contains("n N") && !bar.contains("seed") && !bar.contains("rho"))
        let format = reduce(state, .nextSnapshotFormat).state
        let formatBar = try #require(runner.frame(for: format).plainText().split(separator: "\n").last)
        #expect(!formatBar.contains("seed") && !formatBar.contains("tokens"), "\(formatBar)")
        let help = runner.frame(for: reduce(state, .toggleHelp).state).plainText()
        for keys in [". ,", "PgDn PgUp", "g ", "/ ", "z "] { #expect(help.contains("│ \(keys)"), "\(keys)") }
        #expect(!help.contains("│ n N") && !help.contains("│ r ") && !help.contains("│ [ ]"))
    }
}

/// Issue 20's effects: the grid's weight from→to per head, and `A`'s encoder run.
@Suite struct AskEffectTests {
    /// With a key token the grid's numbers carry each head's weight from the selected query to it,
    /// the weight `heads --from --to` prints.
    @Test func theGridCarriesEveryHeadsWeightFromTheQueryToTheKey() throws {
        var (runner, state) = try ModelEffectTests.start()
        state.view.selectedRow = 2
        state.keyToken = 3
        state = reduce(state, .toggleGrid).state
        let outcomes = runner.perform(.refresh(.grid), state: state)
        guard case .gridComputed(let values) = outcomes.first else {
            Issue.record("expected the grid's numbers, got \(outcomes)")
            return
        }
        let run = try ModelRun(
            labels: ModelHead(
                model: ModelEffectTests.tinyModel, text: "The cat sat on the mat.", tokens: [], layer: 0, head: 0,
                layers: 0, heads: 0), environment: [:])
        let expected = run.allHeads.map { layer in layer.map { $0.weight(from: 2, to: 3, params: state.params) } }
        #expect(values.pairWeights == expected)
        #expect(values.value(.maxWeight, of: HeadRef(layer: 1, head: 1)) == values.summaries[1][1].maxWeightMean)
    }

    /// `A` with every divisor doubled: the runner runs the encoder at alpha 2, the head on screen is that
    /// run's, and the panel's cosine is the two runs' mean-pooled embeddings'; off again, the trained run.
    @Test func theDivisorEverywhereRunsTheEncoderAgain() throws {
        var (runner, state) = try ModelEffectTests.start()
        state.width = 120
        state.height = 40
        let trained = runner.result.weights
        state = reduce(state, .toggleEverywhere).state
        state = ModelReducerTests.applying(Array(repeating: .nudgeDivisor(quarterOctaves: 1), count: 4), to: state)
        let factor = try #require(state.everywhereFactor)
        #expect(abs(factor - 2) < 1e-12)
        #expect(runner.perform(.refresh(.encoder(factor: factor)), state: state).isEmpty)
        #expect(runner.perform(.refresh(.compute(state.params)), state: state).isEmpty)
        let run = try ModelRun(
            labels: ModelHead(
                model: ModelEffectTests.tinyModel, text: "The cat sat on the mat.", tokens: [], layer: 1, head: 1,
                layers: 0, heads: 0), environment: [:])
        let doubled = try run.running(alpha: factor)
        let cosine = try #require(cosineSimilarity(doubled.encoding.qk.meanPooled, run.encoding.qk.meanPooled))
        let screen = runner.frame(for: state).plainText()
        #expect(screen.contains("every divisor × 2.000"), "\(screen)")
        #expect(screen.contains(String(format: "%.4f", cosine)))
        #expect(screen.contains("· every s × 2.000"), "the status bar says so")
        let engine = AttentionEngine(inputs: FixedInputs.provider(model: doubled))
        #expect(runner.result.weights == (try engine.compute(state.params)).weights, "layer 1 reads the new run")
        state = reduce(state, .toggleEverywhere).state
        #expect(runner.perform(.refresh(.encoder(factor: nil)), state: state).isEmpty)
        #expect(runner.perform(.refresh(.compute(state.params)), state: state).isEmpty)
        #expect(!runner.frame(for: state).plainText().contains("every divisor ×"))
        var back = state
        back.params.alpha = 1
        #expect(runner.perform(.refresh(.compute(back.params)), state: back).isEmpty)
        #expect(runner.result.weights == trained)
    }
}
