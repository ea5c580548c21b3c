import AttentionCore
import Foundation
import Rendering

/// The interactive view's loop: drain every pending key → reduce each → compute only when the
/// parameters changed → render once → present. Holding a key never lets the screen fall behind.
struct EventLoop {
    /// How long play waits for a key before its next step.
    static let playStepMilliseconds: Int32 = 80

    private let backend: NCursesBackend
    private let engine: AttentionEngine
    private let catalog: ThemeCatalog
    private let snapshotDirectory: String
    private let ascii: Bool
    private let timing: TimingLog?
    private var state: AppState
    private var result: AttentionResult
    private var computedParams: AttentionParams
    private var curve: [DivisorCurvePoint] = []
    private var curveParams: AttentionParams?
    private var renderer: ScreenRenderer
    private var loadedTheme: String?
    private var frame = Frame(width: 0, height: 0)

    /// A loop over `state` whose parameters `engine` has already computed as `result`.
    init(
        backend: NCursesBackend, engine: AttentionEngine, result: AttentionResult, state: AppState,
        catalog: ThemeCatalog, snapshotDirectory: String, ascii: Bool
    ) {
        self.backend = backend
        self.engine = engine
        self.result = result
        self.computedParams = state.params
        self.state = state
        self.catalog = catalog
        self.snapshotDirectory = snapshotDirectory
        self.ascii = ascii
        self.renderer = ScreenRenderer(
            theme: .fallback, depth: backend.depth, ascii: ascii, keys: KeyTable.standard.guide)
        self.timing = TimingLog()
    }

    /// Runs until the user quits or stdin ends.
    mutating func run() {
        refresh(keys: 0)
        while !state.shouldQuit {
            guard let keys = backend.readKeys(waitMilliseconds: state.view.playing ? Self.playStepMilliseconds : nil)
            else { return }
            guard !keys.isEmpty || state.view.playing else { continue }
            // Each key is read in the mode the keys before it left.
            let actions: [(AppState) -> Action] =
                keys.isEmpty
                ? [{ _ in .tick }] : keys.map { key in { KeyTable.standard.action(for: key, in: $0.view.mode) } }
            for action in actions {
                state = reduce(state, action(state))
                if state.shouldQuit { return }
                if let request = state.pendingSave { save(request) }
            }
            refresh(keys: keys.count)
        }
    }

    /// Brings result, curve, theme and frame up to date with the state and shows the frame.
    private mutating func refresh(keys: Int) {
        let clock = ContinuousClock()
        let computeTime = clock.measure { computeIfNeeded() }
        let renderTime = clock.measure { renderFrame() }
        let presentTime = clock.measure { backend.present(frame) }
        timing?.record(
            keys: keys, dk: state.params.dk, n: state.params.n, compute: computeTime, render: renderTime,
            present: presentTime)
    }

    /// Recomputes what the state needs (the divisor curve only when more than the divisor changed)
    /// and loads a new theme. Errors go to the status line and the last good parameters stay.
    private mutating func computeIfNeeded() {
        if state.params != computedParams {
            do throws(AttentionError) {
                result = try engine.compute(state.params)
                computedParams = state.params
            } catch {
                state = reduce(state, .revert(to: computedParams, reason: error.description))
            }
        }
        let curveKey = Self.curveKey(computedParams)
        if curveKey != curveParams {
            do throws(AttentionError) {
                curve = try engine.divisorCurve(computedParams)
            } catch {
                curve = []
                state = reduce(state, .report("divisor curve: \(error.description)"))
            }
            curveParams = curveKey
        }
        if state.themeName != loadedTheme { loadTheme() }
    }

    private mutating func renderFrame() {
        frame = renderer.render(
            result: result, curve: curve, view: state.view, width: state.width, height: state.height)
    }

    private mutating func loadTheme() {
        do throws(ThemeError) {
            renderer = ScreenRenderer(
                theme: try catalog.load(state.themeName), depth: backend.depth, ascii: ascii,
                keys: KeyTable.standard.guide)
        } catch {
            renderer = ScreenRenderer(
                theme: .fallback, depth: backend.depth, ascii: ascii, keys: KeyTable.standard.guide)
            state = reduce(state, .themeFailed(reason: error.description))
        }
        loadedTheme = state.themeName
    }

    /// The divisor curve depends on the inputs, d_k and the mask, not on the divisor.
    private static func curveKey(_ params: AttentionParams) -> AttentionParams {
        var key = params
        key.scale = .sqrtDk
        key.alpha = 1
        return key
    }

    /// Writes the screen as it is now as a text snapshot (plus JSON for `S`) under a fresh name;
    /// the outcome goes to the status line.
    private mutating func save(_ request: SaveRequest) {
        computeIfNeeded()
        // Plain text cannot hold colour, so the heatmap is drawn with the no-colour shade ramp:
        // the same text `attnview snapshot --format text` prints for the header's command.
        let frame = ScreenRenderer(theme: renderer.theme, depth: .none, ascii: ascii, keys: renderer.keys).render(
            result: result, curve: curve, view: state.view, width: state.width, height: state.height)
        let commandLine = SnapshotCommandLine(
            params: computedParams, theme: state.themeName, noColor: false, ascii: ascii, format: "text",
            width: state.width, height: state.height, colors: nil)
        let header = SnapshotHeader(commandLine: commandLine.text, result: result)
        let text = Data(SnapshotDocument.text(frame: frame, header: header).utf8)
        let directory = URL(fileURLWithPath: snapshotDirectory, isDirectory: true)
        let stem = SnapshotNaming.stem(params: computedParams, date: Date())
        for name in SnapshotNaming.candidates(stem: stem) {
            let textPath = directory.appendingPathComponent(name + ".txt").path
            let jsonPath = directory.appendingPathComponent(name + ".json").path
            let manager = FileManager.default
            if manager.fileExists(atPath: textPath) || (request.json && manager.fileExists(atPath: jsonPath)) {
                continue
            }
            do throws(OutputError) {
                try SafeFileWriter.write(text, to: textPath, overwrite: false)
                if request.json {
                    // Streamed: the JSON of n = m = 4096 would be hundreds of MB in memory.
                    try SafeFileWriter.write(to: jsonPath, overwrite: false) { sink in
                        result.writeJSON { sink.write($0) }
                    }
                }
                state = reduce(state, .saved(paths: request.json ? [textPath, jsonPath] : [textPath]))
                return
            } catch {
                guard case .unwritable(_, let reason) = error else { continue }
                state = reduce(state, .saveFailed(reason))
                return
            }
        }
        state = reduce(state, .saveFailed("no free name for \(stem) in \(snapshotDirectory)"))
    }
}
