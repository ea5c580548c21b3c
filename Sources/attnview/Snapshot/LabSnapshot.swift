import AttentionCore
import Foundation
import Rendering
import TensorFiles
import Training

/// A snapshot of the training lab: its screen at the runs' step under a header whose command
/// (`attnview snapshot --lab-step N …`) remakes it. The lab's `s`/`S` and that command both make
/// their documents here, from progress the same training produced, so the two are byte for byte
/// one document.
struct LabSnapshot {
    /// The lab's settings and its runs' progress (and the grid's, while it is open).
    let lab: LabState
    /// The view's divisor policy: the lab's fourth run.
    let scale: ScalePolicy
    let alpha: Double
    let theme: Theme
    /// The theme as it was asked for (a name or a path), for the header's command line.
    let themeName: String
    let width: Int
    let height: Int
    let ascii: Bool

    /// The lab of `options` with its runs trained to the step (and the grid's first runs), for a
    /// view whose divisor is `scale` × `alpha`.
    static func trained(_ options: LabState, step: Int, gridRuns: Int?, scale: ScalePolicy, alpha: Double)
        -> LabState
    {
        var lab = options
        lab.progress = .training(lab.plan(scale: scale, alpha: alpha), to: step)
        if let gridRuns { lab.gridProgress = .training(lab.gridPlan, count: gridRuns) }
        return lab
    }

    /// The step the runs are at.
    var step: Int { shownProgress?.step ?? 0 }

    /// The grid's runs done, while the grid is open.
    var gridRuns: Int? {
        lab.gridOpen ? (lab.gridProgress?.plan == lab.gridPlan ? lab.gridProgress?.finalLosses.count ?? 0 : 0) : nil
    }

    /// The document in `format`: ANSI in colours of `depth`, SVG in the theme's at 24 bits unless
    /// `depth` is `.none`.
    func document(_ format: SnapshotFormat, depth: ColorDepth) -> String {
        switch format {
        case .text:
            return text(frame: frame(depth: .none), format: "text", depth: nil)
        case .ansi:
            return text(frame: frame(depth: depth), format: "ansi", depth: depth, colored: true)
        case .svg:
            let colorless = depth == .none
            let lines = header(format: "svg", depth: colorless ? ColorDepth.none : nil)
            return FrameSVG(palette: SVGPalette(theme: theme)).document(
                frame(depth: colorless ? .none : .trueColor), title: String(lines[0].dropFirst(2)),
                description: lines.dropFirst().map { String($0.dropFirst(2)) }.joined(separator: "\n"))
        }
    }

    /// `{"runs": [...]}` of the four runs as far as they went, as `attnview train --format json` writes runs.
    var json: String {
        TrainingReport(records: shownProgress?.records ?? []).json
    }

    /// The `attnview snapshot` arguments that remake this picture in `format`.
    func arguments(format: String, depth: ColorDepth?) -> [String] {
        var words = [
            "snapshot", "--lab-step", "\(step)", "--lab-dk", "\(lab.dk)", "--lab-lr",
            lab.learningRate.shortestSpelling, "--lab-optimizer", lab.optimizer.rawValue, "--lab-seed", "\(lab.seed)",
        ]
        if let gridRuns { words += ["--lab-grid", "\(gridRuns)"] }
        if case let .fixed(divisor) = scale {
            words += ["--scale", divisor.shortestSpelling]
        } else {
            words += ["--scale", scale.name]
            if alpha != 1 { words += ["--alpha", alpha.shortestSpelling] }
        }
        if themeName != "default" { words += ["--theme", themeName] }
        if depth == ColorDepth.none { words.append("--no-color") }
        if ascii { words.append("--ascii") }
        words += ["--format", format]
        if let depth, depth != .none { words += ["--colors", depth.rawValue] }
        return words + ["--width", "\(width)", "--height", "\(height)"]
    }

    /// The runs' progress if it belongs to the lab's plan (nil before the first step).
    private var shownProgress: LabProgress? {
        lab.progress?.plan == lab.plan(scale: scale, alpha: alpha) ? lab.progress : nil
    }

    /// `#` lines: the command, the settings and step, and each run's divisor, loss and verdict.
    private func header(format: String, depth: ColorDepth?) -> [String] {
        let command = (["attnview"] + arguments(format: format, depth: depth).map(SnapshotCommandLine.shellQuoted))
            .joined(separator: " ")
        let plan = lab.plan(scale: scale, alpha: alpha)
        var lines = [
            "# \(VisibleControls.escaped(command))",
            "# lab: \(lab.settingsLine), step \(step) of \(plan.runs.first?.task.steps ?? 0)",
        ]
        for (index, settings) in plan.runs.enumerated() {
            let record = shownProgress?.records[index]
            let loss = record?.losses.last.map { "\($0)" } ?? "none"
            lines.append(
                "#   scale=\(settings.scale.name) alpha=\(settings.alpha.shortestSpelling) "
                    + "divisor=\(settings.divisor.shortestSpelling) loss=\(loss) "
                    + "verdict=\(record?.verdict.rawValue ?? "starting")")
        }
        return lines
    }

    private func text(frame: Frame, format: String, depth: ColorDepth?, colored: Bool = false) -> String {
        header(format: format, depth: depth).joined(separator: "\n") + "\n\n"
            + (colored ? frame.ansiText() : frame.plainText())
    }

    /// The lab as the screen shows it, without the moment's status, help or pause.
    private func frame(depth: ColorDepth) -> Frame {
        var shown = lab
        shown.paused = false
        let renderer = ScreenRenderer(theme: theme, depth: depth, ascii: ascii)
        return renderer.renderLab(
            shown.picture(scale: scale, alpha: alpha), status: "", showHelp: false,
            keys: KeyTable.standard.screen(in: .lab, for: .generated), width: width, height: height)
    }
}
