import AttentionCore
import Foundation
import Rendering
import TensorFiles
import Testing
import Transformer

@testable import attnview

/// Values that are not finite are never a verdict (issue 17, point 2). tiny-overflow is tiny-f32
/// with one LayerNorm γ of 3e38 (scripts/make_model_fixtures.py): finite weights whose layer 0
/// overflows float32, so every value from layer 1 on is NaN.
@Suite struct NonFiniteTests {
    static let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TransformerTests/Fixtures/models")
    static let overflow = models.appendingPathComponent("tiny-overflow").path
    static let origin = "layer 0's attention output LayerNorm"

    @Test func theEncoderNamesTheFirstPlaceItsValuesStopBeingFinite() throws {
        let model = try BertModel(folder: try ModelFolder.resolve(Self.overflow, environment: [:]))
        let qk = try model.encode("The cat sat on the mat.").qk
        #expect(qk.nonFiniteFrom == Self.origin)
        let before = qk.queries(layer: 0, head: 0).values.allSatisfy { $0.isFinite }
        let after = qk.queries(layer: 1, head: 0).values.allSatisfy { $0.isFinite }
        #expect(before && !after, "layer 0's Q comes before the overflow, layer 1's after it")
        let healthy = try BertModel(folder: Self.models.appendingPathComponent("tiny-f32"))
        let encoded = try healthy.encode("The cat sat on the mat.")
        #expect(encoded.qk.nonFiniteFrom == nil)
    }

    @Test(arguments: ["text", "json"])
    func commandsExit65NamingWhereTheValuesArose(format: String) throws {
        let refused = try CLIRunner.run(["snapshot", "--model", Self.overflow, "--layer", "1", "--format", format])
        #expect(refused.status == 65)
        #expect(refused.stdout.isEmpty, "no picture, no JSON with null for NaN")
        #expect(
            refused.stderr
                == "attnview: layer 1 head 0: Q and K are not finite (NaN or infinity); the model's values first "
                + "overflow float32 in \(Self.origin)\n")
        let heads = try CLIRunner.run(["heads", "--model", Self.overflow])
        #expect(heads.status == 65 && heads.stderr.contains("layer 1 head 0: Q and K are not finite"))
        let before = try CLIRunner.run(["snapshot", "--model", Self.overflow, "--layer", "0", "--format", format])
        #expect(before.status == 0, "layer 0 comes before the overflow: \(before.stderr)")
    }

    @Test func inputsThatAreNotFiniteGiveAProblemNotAVerdict() throws {
        let engine = AttentionEngine()
        var values = [Float](repeating: 1, count: 4 * 3)
        let finite = try engine.compute(
            q: Matrix(rows: 4, cols: 3, values: values), k: Matrix(rows: 4, cols: 3, values: values),
            params: AttentionParams(dk: AttentionParams.allFileColumns))
        #expect(finite.problem == nil)
        values[5] = .nan
        let broken = try engine.compute(
            q: Matrix(rows: 4, cols: 3, values: values), k: Matrix(rows: 4, cols: 3, repeating: 1),
            params: AttentionParams(dk: AttentionParams.allFileColumns))
        #expect(broken.problem == "Q and K are not finite (NaN or infinity)")
    }

    /// The view shows the error state for that head (no badge, no bars), and the grid marks the
    /// heads from layer 1 on as invalid instead of "0.00 b".
    @Test func theViewAndTheGridShowTheHeadAsInvalid() throws {
        let labels = ModelHead(
            model: Self.overflow, text: "The cat sat on the mat.", tokens: [], layer: 1, head: 0, layers: 0, heads: 0)
        let run = try ModelRun(labels: labels, environment: [:])
        let engine = AttentionEngine(inputs: FixedInputs.provider(model: run))
        let result = try engine.compute(AttentionParams(n: 9, dk: run.headWidth, source: .model(run.labels)))
        var runner = EffectRunner(
            engine: engine, result: result, catalog: ThemeCatalog(environment: [:]),
            snapshotDirectory: FileManager.default.temporaryDirectory.path, depth: .none, ascii: false, modelRun: run)
        var state = AppState(
            params: result.params, themeName: "default", themeNames: ["default"], dkRange: 1...4, width: 120,
            height: 40)
        let screen = runner.frame(for: state).plainText()
        #expect(screen.contains("NOT FINITE") && screen.contains("no picture"), "\(screen)")
        for verdict in ["BALANCED", "PEAKED", "FLAT", "nan", "fp16 naive"] { #expect(!screen.contains(verdict)) }
        state = reduce(state, .toggleGrid).state
        for outcome in runner.perform(.refresh(.grid), state: state) { state = reduce(state, outcome).state }
        var grid = runner.frame(for: state).plainText()
        #expect(grid.contains("layer 1 head 0 · invalid: values not finite"))
        #expect(grid.components(separatedBy: "invalid").count - 1 == 3, "the title and both heads of layer 1: \(grid)")
        #expect(!grid.contains("0.00 b"))
        // Every statistic of an invalid head is "–", never a number, and ranked it comes last.
        state = ModelReducerTests.applying([.stepGridStatistic(1), .stepGridStatistic(1), .nextGridOrder], to: state)
        grid = runner.frame(for: state).plainText()
        #expect(grid.components(separatedBy: "–").count - 1 == 2, "\(grid)")
        #expect(state.grid?.ranking.suffix(2).allSatisfy { $0.layer == 1 } == true)
    }
}
