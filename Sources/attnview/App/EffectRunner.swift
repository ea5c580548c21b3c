import AttentionCore
import Foundation
import Rendering

/// Performs the reducer's effects and holds what they produce: the result and curve on screen and
/// the renderer with the loaded theme. Each outcome is handed back as actions for the reducer.
struct EffectRunner {
    private let engine: AttentionEngine
    private let catalog: ThemeCatalog
    private let files: SnapshotFiles
    private let depth: ColorDepth
    private let ascii: Bool
    private let keys: KeyGuide
    private(set) var result: AttentionResult
    private(set) var curve: [DivisorCurvePoint] = []
    private(set) var renderer: ScreenRenderer

    /// A runner showing `result` (already computed) in the default theme until `.loadTheme`.
    init(
        engine: AttentionEngine, result: AttentionResult, catalog: ThemeCatalog, snapshotDirectory: String,
        depth: ColorDepth, ascii: Bool, keys: KeyGuide
    ) {
        self.engine = engine
        self.result = result
        self.catalog = catalog
        self.files = SnapshotFiles(directory: snapshotDirectory)
        self.depth = depth
        self.ascii = ascii
        self.keys = keys
        self.renderer = ScreenRenderer(theme: .fallback, depth: depth, ascii: ascii, keys: keys)
    }

    /// Does `effect` for `state` and returns what came of it (nothing when all went well).
    mutating func perform(_ effect: Effect, state: AppState) -> [Action] {
        switch effect {
        case .compute(let params):
            do throws(AttentionError) {
                result = try engine.compute(params)
            } catch {
                return [.revert(to: result.params, reason: error.description)]
            }
        case .computeCurve:
            do throws(AttentionError) {
                curve = try engine.divisorCurve(result.params)
            } catch {
                curve = []
                return [.report("divisor curve: \(error.description)")]
            }
        case .loadTheme(let name):
            do throws(ThemeError) {
                renderer = ScreenRenderer(theme: try catalog.load(name), depth: depth, ascii: ascii, keys: keys)
            } catch {
                renderer = ScreenRenderer(theme: .fallback, depth: depth, ascii: ascii, keys: keys)
                return [.themeFailed(reason: error.description)]
            }
        case .save(let json): return [save(state, json: json)]
        case .quit: break
        }
        return []
    }

    /// The screen for `state`.
    func frame(for state: AppState) -> Frame {
        renderer.render(result: result, curve: curve, view: state.view, width: state.width, height: state.height)
    }

    /// Writes the screen as it is now as a text snapshot (plus JSON for `S`) under a fresh name.
    private func save(_ state: AppState, json: Bool) -> Action {
        let picture = SnapshotPicture(
            result: result, curve: curve, theme: renderer.theme, themeName: state.themeName, view: state.view,
            width: state.width, height: state.height, ascii: ascii)
        let result = result
        do throws(SnapshotFilesError) {
            let paths = try files.write(
                stem: SnapshotNaming.stem(params: result.params, date: Date()), text: picture.text,
                // Streamed: the JSON of n = m = 4096 would be hundreds of MB in memory.
                json: json ? { sink in result.writeJSON { sink.write($0) } } : nil)
            return .saved(paths: paths)
        } catch {
            return .saveFailed(error.description)
        }
    }
}
