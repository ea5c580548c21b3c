import AttentionCore
import Foundation
import Rendering
import Transformer

/// Performs the reducer's effects and holds what they produce: the result and curve on screen and
/// the renderer with the loaded theme. Each outcome is handed back for the reducer.
struct EffectRunner {
    private var engine: AttentionEngine
    private let catalog: ThemeCatalog
    private let files: SnapshotFiles
    private let depth: ColorDepth
    private let ascii: Bool
    private let keys: KeyTable
    private(set) var result: AttentionResult
    private(set) var curve: [DivisorCurvePoint] = []
    /// The result at the standard divisor, for the split view of `b` (nil until asked for).
    private(set) var baseline: AttentionResult?
    private(set) var renderer: ScreenRenderer
    /// The model and its run on the current text (model mode only): as trained, or with `A` every
    /// divisor changed.
    private var modelRun: ModelRun?
    /// The run as trained, which `A` compares with (model mode only).
    private var trainedRun: ModelRun?
    /// `A`'s factor of the run on screen (nil: as trained) and what it did to the whole model.
    private var factor: Double?
    private var everywhere: EverywhereSummary?
    /// The training lab's background runs.
    private let trainer = LabTrainer()

    /// A runner showing `result` (already computed) in the default theme until `.loadTheme`; with
    /// `modelRun`, the model whose heads the engine is handed.
    init(
        engine: AttentionEngine, result: AttentionResult, catalog: ThemeCatalog, snapshotDirectory: String,
        depth: ColorDepth, ascii: Bool, keys: KeyTable = .standard, modelRun: ModelRun? = nil
    ) {
        self.engine = engine
        self.modelRun = modelRun
        self.trainedRun = modelRun
        self.result = result
        self.catalog = catalog
        self.files = SnapshotFiles(directory: snapshotDirectory)
        self.depth = depth
        self.ascii = ascii
        self.keys = keys
        self.renderer = ScreenRenderer(theme: .fallback, depth: depth, ascii: ascii)
    }

    /// Does `effect` for `state` and returns what came of it (nothing when all went well).
    mutating func perform(_ effect: Effect, state: AppState) -> [Outcome] {
        switch effect {
        case .refresh(let refresh): return self.refresh(refresh, state: state)
        case .save(let json): return [save(state, json: json)]
        case .findRow(let extreme):
            let sharpness = RowSharpness(result: result)
            guard let row = sharpness.row(extreme), let value = sharpness.normalizedEntropy[row] else {
                return [.report("no row sees two keys: none is sharper than another")]
            }
            return [.rowFound(row: row, extreme: extreme, normalizedEntropy: value)]
        case .runText(let text): return runText(text)
        case .train(let plan):
            trainer.start(plan)
            return []
        case .pauseTraining(let paused):
            trainer.pause(paused)
            return []
        case .trainGrid(let plan, let done):
            trainer.startGrid(plan, done: done)
            return []
        case .quit: return []
        }
    }

    /// Brings what the picture shows up to date; a failure comes back as an outcome.
    private mutating func refresh(_ refresh: Refresh, state: AppState) -> [Outcome] {
        switch refresh {
        case .compute(let params):
            do throws(AttentionError) {
                result = try engine.compute(params)
            } catch {
                return [.revert(to: result.params, reason: error.viewDescription)]
            }
        case .curve:
            do throws(AttentionError) {
                curve = try engine.divisorCurve(result.params)
            } catch {
                curve = []
                return [.report("divisor curve: \(error.viewDescription)")]
            }
        case .baseline:
            do throws(AttentionError) {
                baseline = try engine.compute(result.params.standardBaseline)
            } catch {
                baseline = nil
                return [.report("standard divisor: \(error.viewDescription)")]
            }
        case .theme(let name):
            do throws(ThemeError) {
                renderer = ScreenRenderer(theme: try catalog.load(name), depth: depth, ascii: ascii)
            } catch {
                renderer = ScreenRenderer(theme: .fallback, depth: depth, ascii: ascii)
                return [.themeFailed(reason: error.description)]
            }
        case .grid:
            guard let run = modelRun else { return [] }
            let heads = run.allHeads, params = result.params
            var pairWeights: [[Double]]?
            let row = state.view.selectedRow, tokens = run.labels.tokens.count
            if let key = state.keyToken, (0..<tokens).contains(row), (0..<tokens).contains(key) {
                pairWeights = heads.map { layer in layer.map { $0.weight(from: row, to: key, params: params) } }
            }
            let values = HeadsGridValues(
                summaries: HeadSummary.summaries(of: heads, params: params), divisor: result.divisor,
                pairWeights: pairWeights)
            return [.gridComputed(values)]
        case .encoder(let factor):
            return runEncoder(factor: factor)
        }
        return []
    }

    /// `A`: the encoder again with every trained divisor times `factor` (nil: the trained run back),
    /// its heads handed to the engine, and what it did to the sentence embedding and each layer.
    private mutating func runEncoder(factor: Double?) -> [Outcome] {
        guard let trained = trainedRun else { return [] }
        self.factor = factor
        guard let factor else {
            modelRun = trained
            everywhere = nil
            engine = AttentionEngine(inputs: FixedInputs.provider(model: trained))
            return []
        }
        do throws(ModelError) {
            let run = try trained.running(alpha: factor)
            modelRun = run
            engine = AttentionEngine(inputs: FixedInputs.provider(model: run))
            everywhere = Self.everywhere(
                run, trained: trained, factor: factor, trainedLayers: everywhere?.trainedLayerEntropy)
            return []
        } catch {
            return [.report("every divisor × \(factor): \(error.description)")]
        }
    }

    /// The sentence embeddings' cosine and each layer's mean H / ln m, each run at its own divisors.
    /// `trainedLayers`, when given, are the trained run's layer means already computed (they change
    /// only with the text), so a divisor key summarises one run's 72 heads, not two.
    static func everywhere(_ run: ModelRun, trained: ModelRun, factor: Double, trainedLayers: [Double]? = nil)
        -> EverywhereSummary
    {
        func layers(_ run: ModelRun, alpha: Double) -> [Double] {
            let params = AttentionParams(dk: AttentionParams.allFileColumns, scale: .sqrtDk, alpha: alpha)
            return HeadSummary.layerEntropyMeans(HeadSummary.summaries(of: run.allHeads, params: params))
        }
        let cosine = cosineSimilarity(run.encoding.qk.meanPooled, trained.encoding.qk.meanPooled) ?? .nan
        return EverywhereSummary(
            factor: factor, cosine: cosine, layerEntropy: layers(run, alpha: factor),
            trainedLayerEntropy: trainedLayers ?? layers(trained, alpha: 1))
    }

    /// The screen for `state`: the split view of `b` when it is on and its baseline is there.
    func frame(for state: AppState) -> Frame {
        let keys = keys.screen(for: state)
        if let lab = state.lab {
            return renderer.renderLab(
                lab.picture(scale: state.params.scale, alpha: state.params.alpha), status: state.view.status,
                showHelp: state.view.showHelp, keys: keys, width: state.width, height: state.height)
        }
        if result.problem == nil, let baseline = shownBaseline(state) {
            return renderer.renderComparison(
                result: result, baseline: baseline, view: state.view, model: modelView(state), keys: keys,
                width: state.width, height: state.height)
        }
        return renderer.render(
            result: result, curve: curve, view: state.view, model: modelView(state), keys: keys, width: state.width,
            height: state.height)
    }

    /// What model mode adds to the screen for `state`, nil without a model.
    private func modelView(_ state: AppState) -> ModelView? {
        guard modelRun != nil, case .model(let labels) = result.params.source else { return nil }
        var view = ModelView(
            labels: labels, zoomed: state.zoomed, editor: state.editor,
            keyToken: state.keyToken.flatMap { labels.tokens.indices.contains($0) ? $0 : nil },
            everywhere: state.everywhere ? everywhere : nil)
        let pair = view.pair(row: min(max(0, state.view.selectedRow), max(0, labels.tokens.count - 1)))
        view.grid = state.grid
        view.grid?.pair = pair
        return view
    }

    /// What the lab's background training published since the last call.
    func trainingProgress() -> [Outcome] {
        trainer.take()
    }

    /// Runs the model on `text` and shows it; a text it cannot take leaves the current one on screen.
    private mutating func runText(_ text: String) -> [Outcome] {
        guard let run = modelRun, case .model(let shown) = result.params.source else {
            return [.report("no model is loaded")]
        }
        do throws(ModelError) {
            let (next, note) = try (trainedRun ?? run).reading(text, head: shown)
            trainedRun = next
            var shown = next
            if let factor {
                shown = try next.running(alpha: factor)
                everywhere = Self.everywhere(shown, trained: next, factor: factor)
            }
            modelRun = shown
            engine = AttentionEngine(inputs: FixedInputs.provider(model: shown))
            return [.textRan(next.labels)] + (note.map { [.report($0)] } ?? [])
        } catch {
            return [.textRefused(error.viewDescription)]
        }
    }

    /// The baseline while `b` splits the view. The heads grid and the text editor draw over the
    /// single view (the split has no model overlays), so while either is open it has the screen.
    private func shownBaseline(_ state: AppState) -> AttentionResult? {
        state.view.comparing && state.gridCursor == nil && state.editor == nil ? baseline : nil
    }

    /// Writes the screen as it is now as a snapshot in the state's format (plus JSON for `S`) under a
    /// fresh name. ANSI snapshots have the colours on screen; SVG ones the theme's, at 24 bits.
    private func save(_ state: AppState, json: Bool) -> Outcome {
        if let lab = state.lab { return saveLab(lab, state: state, json: json) }
        var closed = state
        closed.gridCursor = nil
        closed.editor = nil
        let result = result
        let baseline = shownBaseline(closed)
        let picture = SnapshotPicture(
            result: result, curve: curve, theme: renderer.theme, themeName: state.themeName, view: state.view,
            width: state.width, height: state.height, ascii: ascii, baseline: baseline, model: modelView(closed))
        // No JSON of values that are not finite: the picture alone says where they arose.
        let wantsJSON = json
        let json = json && result.problem == nil
        do throws(SnapshotFilesError) {
            let paths = try files.write(
                stem: SnapshotNaming.stem(params: result.params, date: Date(), compare: baseline != nil),
                text: picture.document(state.snapshotFormat, depth: depth),
                fileExtension: state.snapshotFormat.fileExtension,
                // Streamed: the JSON of n = m = 4096 would be hundreds of MB in memory.
                json: json
                    ? { sink in result.writeSnapshotJSON(baseline: baseline, curve: curve) { sink.write($0) } } : nil)
            if let problem = result.problem, wantsJSON {
                return .report("saved \(URL(fileURLWithPath: paths[0]).lastPathComponent), no JSON: \(problem)")
            }
            return .saved(paths: paths)
        } catch {
            return .saveFailed(error.description)
        }
    }

    /// Writes the lab's screen at its runs' step (plus its runs as JSON for `S`) under a fresh name;
    /// the header's command remakes the same document.
    private func saveLab(_ lab: LabState, state: AppState, json: Bool) -> Outcome {
        let snapshot = LabSnapshot(
            lab: lab, scale: state.params.scale, alpha: state.params.alpha, theme: renderer.theme,
            themeName: state.themeName, width: state.width, height: state.height, ascii: ascii)
        let format = state.snapshotFormat
        do throws(SnapshotFilesError) {
            let paths = try files.write(
                stem: SnapshotNaming.labStem(lab, step: snapshot.step, date: Date()),
                text: snapshot.document(format, depth: format == .svg ? .trueColor : depth),
                fileExtension: format.fileExtension, json: json ? { $0.write(snapshot.json) } : nil)
            return .saved(paths: paths)
        } catch {
            return .saveFailed(error.description)
        }
    }
}
