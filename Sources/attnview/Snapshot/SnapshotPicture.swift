import AttentionCore
import Rendering

/// A snapshot document: the screen for a result, under the header whose command reproduces it.
/// `attnview snapshot` and the view's `s`/`S` both make their documents here, so a file saved from
/// the view is byte for byte what its header's command prints.
struct SnapshotPicture {
    let result: AttentionResult
    let curve: [DivisorCurvePoint]
    let theme: Theme
    /// The theme as it was asked for (a name or a path), for the header's command line.
    let themeName: String
    /// The heatmap and row to show; see `shownView`.
    let view: ViewState
    let width: Int
    let height: Int
    let ascii: Bool
    /// The standard divisor's result: the picture is then the split view of `b`.
    var baseline: AttentionResult? = nil
    /// Model mode: the tokens that label the picture.
    var model: ModelView?

    /// Plain UTF-8 without colour: the heatmap in the no-colour shade ramp.
    var text: String {
        SnapshotDocument.text(frame: frame(depth: .none), header: header(format: "text", depth: nil))
    }

    /// ANSI colour text for `cat`; `.none` draws without colour (the header says `--no-color`).
    func ansi(depth: ColorDepth) -> String {
        SnapshotDocument.ansi(frame: frame(depth: depth), header: header(format: "ansi", depth: depth))
    }

    /// An SVG picture in the theme's colours at 24 bits, whatever the terminal shows; with
    /// `noColor` the no-colour screen in the theme's ink.
    func svg(noColor: Bool) -> String {
        let depth: ColorDepth = noColor ? .none : .trueColor
        return SnapshotDocument.svg(
            frame: frame(depth: depth), header: header(format: "svg", depth: noColor ? ColorDepth.none : nil),
            palette: SVGPalette(theme: theme))
    }

    /// The document in `format`; `depth` is the terminal's, used by ANSI only.
    func document(_ format: SnapshotFormat, depth: ColorDepth) -> String {
        switch format {
        case .text: text
        case .ansi: ansi(depth: depth)
        case .svg: svg(noColor: false)
        }
    }

    /// What a snapshot shows of the view: its heatmap and row (clamped as the renderer clamps it),
    /// not the moment's status message, help overlay or play, which no command line can ask for.
    var shownView: ViewState {
        let rows = max(1, result.weights.rows)
        return ViewState(heatmap: view.heatmap, selectedRow: min(max(0, view.selectedRow), rows - 1))
    }

    private func frame(depth: ColorDepth) -> Frame {
        let renderer = ScreenRenderer(theme: theme, depth: depth, ascii: ascii)
        let keys = KeyTable.standard.screen(in: .view, for: result.params.source)
        if let baseline {
            return renderer.renderComparison(
                result: result, baseline: baseline, view: shownView, model: model, keys: keys, width: width,
                height: height)
        }
        return renderer.render(
            result: result, curve: curve, view: shownView, model: model, keys: keys, width: width, height: height)
    }

    private func header(format: String, depth: ColorDepth?) -> SnapshotHeader {
        let commandLine = SnapshotCommandLine(
            params: result.params, view: shownView, theme: themeName, noColor: depth == ColorDepth.none, ascii: ascii,
            format: format, width: width, height: height, colors: depth == ColorDepth.none ? nil : depth?.rawValue,
            compare: baseline != nil)
        return SnapshotHeader(commandLine: commandLine.text, result: result, baseline: baseline)
    }
}
