import ArgumentParser
import AttentionCore
import Foundation
import Rendering

/// `attnview snapshot`: the picture or the numbers of one parameter set, without a terminal.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print or save the picture and its numbers without a terminal.",
        discussion: """
            text is the screen as plain UTF-8 under a header (the command line that reproduces it, \
            the parameters, the statistics); ansi is the same screen in colour for `cat`; json holds \
            params, stats, logits, attention and histograms. Output is identical for identical inputs.
            """)

    /// The three documented output formats.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case json, text, ansi
    }

    /// Below the renderer's minimum the picture would only say "terminal too small".
    static let sizeRange = (
        width: ScreenRenderer.minimumWidth...1000, height: ScreenRenderer.minimumHeight...500
    )

    @OptionGroup var model: ModelOptions
    @OptionGroup var display: DisplayOptions

    @Option(help: "Output format: text, ansi or json.")
    var format: Format = .text

    @Option(help: "Frame width in columns for text and ansi (80–1000).")
    var width: Int = 120

    @Option(help: "Frame height in rows for text and ansi (24–500).")
    var height: Int = 40

    @Option(help: "Colours of ansi output: truecolor, 256 or 16 (none with --no-color or NO_COLOR).")
    var colors: String = ColorDepth.trueColor.rawValue

    @Option(
        help: ArgumentHelp(
            "Write to this file instead of stdout (atomically; never overwrites without --force).", valueName: "file"))
    var output: String?

    @Flag(help: "Overwrite --output if it exists.")
    var force = false

    func validate() throws {
        let (widths, heights) = Self.sizeRange
        guard widths.contains(width) else {
            throw ValidationError(
                "--width \(width) is out of range (allowed: \(widths.lowerBound)–\(widths.upperBound))")
        }
        guard heights.contains(height) else {
            throw ValidationError(
                "--height \(height) is out of range (allowed: \(heights.lowerBound)–\(heights.upperBound))")
        }
        guard let depth = ColorDepth(rawValue: colors), depth != .none else {
            throw ValidationError("--colors '\(colors)' is not truecolor, 256 or 16 (use --no-color for none)")
        }
        if force, output == nil {
            throw ValidationError("--force only applies with --output")
        }
    }

    func run() throws {
        let (params, engine, run) = try model.prepare()
        let result = try engine.compute(params)
        let text = format == .json ? nil : try picture(of: result, engine: engine, run: run)
        let contents = { (sink: inout ByteSink) in
            if let text {
                sink.write(text)
            } else {
                result.writeJSON { sink.write($0) }
            }
        }
        if let output {
            try SafeFileWriter.write(to: output, overwrite: force, contents: contents)
        } else {
            try ByteSink.standardOutput(contents)
        }
    }

    /// The rendered screen under its header, as the interactive view would show it.
    private func picture(of result: AttentionResult, engine: AttentionEngine, run: ModelRun?) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let theme = try ThemeCatalog(environment: environment).load(display.theme)
        let picture = SnapshotPicture(
            result: result, curve: try engine.divisorCurve(result.params), theme: theme, themeName: display.theme,
            view: ViewState(), width: width, height: height, ascii: display.ascii,
            model: run.map { ModelView(labels: $0.labels, headWidth: $0.headWidth) })
        guard format == .ansi else { return picture.text }
        let colorless = display.noColor || environment["NO_COLOR"].map { !$0.isEmpty } == true
        return picture.ansi(depth: colorless ? .none : ColorDepth(rawValue: colors) ?? .trueColor)
    }
}
