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
            the parameters, the statistics); ansi is the same screen in colour for `cat`; svg is the \
            screen as a picture for slides, in the theme's colours; json holds params, stats, logits, \
            attention and histograms. Output is identical for identical inputs.
            """)

    /// The documented output formats.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case json, text, ansi, svg
    }

    /// The colour depths of ANSI output (none is `--no-color`'s).
    enum Colors: String, CaseIterable, ExpressibleByArgument {
        case truecolor, palette256 = "256", ansi16 = "16"

        var depth: ColorDepth {
            switch self {
            case .truecolor: .trueColor
            case .palette256: .palette256
            case .ansi16: .ansi16
            }
        }
    }

    /// Below the renderer's minimum the picture would only say "terminal too small".
    static let sizeRange = (
        width: ScreenRenderer.minimumWidth...1000, height: ScreenRenderer.minimumHeight...500
    )

    @OptionGroup var model: ModelOptions
    @OptionGroup var screen: ViewOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var lab: LabOptions

    @Option(help: "Output format: text, ansi, svg or json.")
    var format: Format = .text

    @Option(parsing: .unconditional, help: "Frame width in columns for text, ansi and svg (80–1000).")
    var width: Int = 120

    @Option(parsing: .unconditional, help: "Frame height in rows for text, ansi and svg (24–500).")
    var height: Int = 40

    @Option(help: "Colours of ansi output: truecolor, 256 or 16 (none with --no-color or NO_COLOR).")
    var colors: Colors = .truecolor

    @Option(
        help: ArgumentHelp(
            "Write to this file instead of stdout (atomically; never overwrites without --force).", valueName: "file"))
    var output: String?

    @Flag(help: "Overwrite --output if it exists.")
    var force = false

    @Flag(
        help: """
            Draw the current divisor beside the standard one (√d_k, alpha 1) with the key statistics \
            in columns; JSON adds baseline: {divisor, stats}.
            """)
    var compare = false

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
        if force, output == nil {
            throw ValidationError("--force only applies with --output")
        }
        if lab.step != nil {
            let pictureOnly = [
                ("--n", model.n != nil), ("--m", model.m != nil), ("--dk", model.dk != nil), ("--q", model.q != nil),
                ("--k", model.k != nil), ("--model", model.model != nil), ("--text", model.text != nil),
                ("--compare", compare),
            ]
            if let flag = pictureOnly.first(where: \.1)?.0 {
                throw ValidationError(
                    "\(flag) does not apply to the lab (--lab-step); its settings are the --lab-* options")
            }
        }
    }

    func run() throws {
        // The theme is checked for every format, so a bad --theme fails the same way everywhere.
        let theme = try ThemeCatalog(environment: ProcessInfo.processInfo.environment).load(display.theme)
        if let settings = try lab.state() {
            return try write(labDocument(settings, theme: theme))
        }
        let (params, engine, run) = try model.prepare()
        let result = try engine.compute(params)
        // Values that are not finite have no picture and no verdict: say where they arose (exit 65).
        if let problem = result.problem { throw AttentionError.notFinite(problem) }
        // The resolved parameters (a file's n, m and d_k) at √d_k: same inputs, no new matmul.
        let baseline = compare ? try engine.compute(result.params.standardBaseline) : nil
        let view = try screen.viewState(rows: result.weights.rows)
        let text =
            format == .json
            ? nil : try picture(of: result, baseline: baseline, view: view, theme: theme, engine: engine, run: run)
        let contents = { (sink: inout ByteSink) in
            if let text {
                sink.write(text)
            } else {
                result.writeSnapshotJSON(baseline: baseline) { sink.write($0) }
            }
        }
        try write(contents)
    }

    private func write(_ contents: (inout ByteSink) -> Void) throws {
        if let output {
            try SafeFileWriter.write(to: output, overwrite: force, contents: contents)
        } else {
            try ByteSink.standardOutput(contents)
        }
    }

    private func write(_ text: String) throws {
        try write { $0.write(text) }
    }

    /// The lab of `settings` trained to its step: its screen, or its runs as JSON.
    private func labDocument(_ settings: LabState, theme: Theme) throws -> String {
        let scale = try model.divisor.policy()
        let trained = LabSnapshot.trained(
            settings, step: lab.step ?? 0, gridRuns: lab.gridRuns, scale: scale, alpha: model.divisor.alpha)
        let snapshot = LabSnapshot(
            lab: trained, scale: scale, alpha: model.divisor.alpha, theme: theme, themeName: display.theme,
            width: width,
            height: height, ascii: display.ascii)
        let colorless = display.noColor || ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } == true
        switch format {
        case .json: return snapshot.json
        case .text: return snapshot.document(.text, depth: .none)
        case .svg: return snapshot.document(.svg, depth: display.noColor ? .none : .trueColor)
        case .ansi:
            return snapshot.document(.ansi, depth: colorless ? .none : colors.depth)
        }
    }

    /// The rendered screen under its header, as the interactive view would show it.
    private func picture(
        of result: AttentionResult, baseline: AttentionResult?, view: ViewState, theme: Theme, engine: AttentionEngine,
        run: ModelRun?
    ) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        // The split view has no divisor curve to compute.
        let picture = SnapshotPicture(
            result: result, curve: baseline == nil ? try engine.divisorCurve(result.params) : [], theme: theme,
            themeName: display.theme, view: view, width: width, height: height, ascii: display.ascii,
            baseline: baseline, model: run.map { ModelView(labels: $0.labels) })
        switch format {
        case .ansi:
            let colorless = display.noColor || environment["NO_COLOR"].map { !$0.isEmpty } == true
            return picture.ansi(depth: colorless ? .none : colors.depth)
        // SVG is a picture, not terminal output: the theme's own colours unless --no-color asks otherwise.
        case .svg: return picture.svg(noColor: display.noColor)
        case .text, .json: return picture.text
        }
    }
}
