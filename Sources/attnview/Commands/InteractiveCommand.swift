import ArgumentParser
import AttentionCore
import Foundation
import Glibc
import Rendering

/// `attnview` / `attnview interactive`: the full-screen view where every key redraws at once.
struct InteractiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interactive",
        abstract: "Open the interactive view (the default).",
        discussion: "Keys (? shows them in the view):\n" + KeyTable.standard.helpText)

    @OptionGroup var model: ModelOptions
    @OptionGroup var screen: ViewOptions
    @OptionGroup var display: DisplayOptions

    @Option(
        help: ArgumentHelp(
            "Folder for snapshots saved with s and S (default: the working directory).", valueName: "dir"),
        completion: .directory)
    var snapshotDir: String?

    @Option(help: "What s and S save the screen as: text, svg or ansi (f switches in the view).")
    var snapshotFormat: SnapshotFormat = .text

    func validate() throws {
        try screen.checkZoom(model: model.model)
    }

    /// Checks for a terminal, computes the starting picture (bad options or files exit here, before
    /// the screen changes), then hands over to the event loop until the user quits.
    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let catalog = ThemeCatalog(environment: environment)
        // An unknown or broken theme is refused here, before the screen changes, as `snapshot` refuses it.
        _ = try catalog.load(display.theme)
        if model.text == "-" {
            throw ValidationError("--text - reads standard input, where the view reads its keys: use --text @FILE")
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        CrashReporting.makeNonInteractive()
        let (params, engine, run) = try model.prepare()
        let result = try engine.compute(params)
        let view = try screen.viewState(rows: result.weights.rows, tokens: run?.labels.tokens)
        let backend = try NCursesBackend(noColor: display.noColor, environment: environment)
        defer { backend.end() }
        let (width, height) = backend.size
        // The resolved parameters: for file inputs n, m and d_k come from the files.
        var state = AppState(
            params: result.params, view: view, themeName: display.theme, themeNames: catalog.availableNames(),
            dkRange: dkRange(for: result.params), width: width, height: height)
        state.snapshotFormat = snapshotFormat
        state.zoomed = screen.zoom
        if !backend.unicode && !display.ascii {
            state.view.status = "the locale is not UTF-8, so ASCII only (set LANG=C.UTF-8 for the full picture)"
        }
        let effects = EffectRunner(
            engine: engine, result: result, catalog: catalog,
            snapshotDirectory: snapshotDir ?? FileManager.default.currentDirectoryPath, depth: backend.depth,
            ascii: display.ascii || !backend.unicode, modelRun: run)
        var loop = EventLoop(backend: backend, effects: effects, state: state)
        loop.run()
    }

    /// File and model inputs cap d_k at their width; generated inputs allow the core's whole range.
    private func dkRange(for params: AttentionParams) -> ClosedRange<Int> {
        params.source.describing.isGenerated ? Limits.dk : Limits.dk.lowerBound...params.dk
    }
}
