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
        discussion: "Keys: ← → d_k, ↑ ↓ divisor, 1 2 3 0 policy, ? for all of them, q to quit.")

    @OptionGroup var model: ModelOptions
    @OptionGroup var display: DisplayOptions

    @Option(help: "Folder for snapshots saved with s and S (default: the working directory).")
    var snapshotDir: String?

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw fail(TerminalError.notATerminal)
        }
        CrashReporting.makeNonInteractive()
        let engine = AttentionEngine()
        let params = try model.params()
        let result: AttentionResult
        do { result = try engine.compute(params) } catch { throw fail(error) }
        let catalog = ThemeCatalog(environment: ProcessInfo.processInfo.environment)
        let backend: NCursesBackend
        do { backend = try NCursesBackend(requestedDepth: requestedDepth()) } catch { throw fail(error) }
        defer { backend.end() }
        let (width, height) = backend.size
        var state = AppState(
            params: params, themeName: display.theme, themeNames: catalog.availableNames(),
            dkRange: dkRange(for: params, resolved: result.params), width: width, height: height)
        state.params = params
        var loop = EventLoop(
            backend: backend, engine: engine, result: result, state: state, catalog: catalog,
            snapshotDirectory: snapshotDir ?? FileManager.default.currentDirectoryPath,
            displayFlags: displayFlags(), ascii: display.ascii)
        loop.run()
    }

    /// File inputs cap d_k at the files' width; generated inputs allow the core's whole range.
    private func dkRange(for params: AttentionParams, resolved: AttentionParams) -> ClosedRange<Int> {
        if case .files = params.source { return Limits.dk.lowerBound...max(resolved.dk, params.dk) }
        return Limits.dk
    }

    /// The most colour wanted: none for --no-color, NO_COLOR or TERM=dumb; truecolor when COLORTERM
    /// says so; else 256 (the terminal's own colour count caps it further).
    private func requestedDepth() -> ColorDepth {
        let environment = ProcessInfo.processInfo.environment
        if display.noColor || environment["NO_COLOR"].map({ !$0.isEmpty }) == true || environment["TERM"] == "dumb" {
            return .none
        }
        if let colorTerm = environment["COLORTERM"], colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
        return .palette256
    }

    /// The display flags that change the picture, for the reproducing command in snapshot headers.
    private func displayFlags() -> [String] {
        (display.noColor ? ["--no-color"] : []) + (display.ascii ? ["--ascii"] : [])
    }

    private func fail(_ error: Error) -> ExitCode {
        FileHandle.standardError.write(Data("attnview: \(error)\n".utf8))
        return ExitCode(ExitStatus.usage.rawValue)
    }
}
