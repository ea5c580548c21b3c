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
    /// The model and its run on the current text (model mode only).
    private var modelRun: ModelRun?
    /// Every head's summary for the heads grid, at the parameters of the last `.computeGrid`.
    private var grid: [[HeadSummary]]?
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
        case .refresh(let refresh): return self.refresh(refresh)
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
    private mutating func refresh(_ refresh: Refresh) -> [Outcome] {
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
            grid = modelRun.map { HeadSummary.summaries(of: $0.allHeads, params: result.params) }
        }
        return []
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
        return ModelView(
            labels: labels, zoomed: state.zoomed,
            grid: state.gridCursor.map { HeadsGrid(cursor: $0, summaries: grid, divisor: result.divisor) },
            editor: state.editor)
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
            let (next, note) = try run.reading(text, head: shown)
            modelRun = next
            engine = AttentionEngine(inputs: FixedInputs.provider(model: next))
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
                json: json ? { sink in result.writeSnapshotJSON(baseline: baseline) { sink.write($0) } } : nil)
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
