import AttentionCore
import Rendering

/// A snapshot document: the screen for a result, under the header whose command reproduces it.
/// `attnview snapshot` and the view's `s`/`S` both make their text here, so a file saved from the
/// view is byte for byte what its header's command prints.
struct SnapshotPicture {
    let result: AttentionResult
    let curve: [DivisorCurvePoint]
    let theme: Theme
    /// The theme as it was asked for (a name or a path), for the header's command line.
    let themeName: String
    let view: ViewState
    let width: Int
    let height: Int
    let ascii: Bool
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

    private func frame(depth: ColorDepth) -> Frame {
        ScreenRenderer(theme: theme, depth: depth, ascii: ascii, keys: KeyTable.standard.guide)
            .render(result: result, curve: curve, view: view, model: model, width: width, height: height)
    }

    private func header(format: String, depth: ColorDepth?) -> SnapshotHeader {
        let commandLine = SnapshotCommandLine(
            params: result.params, theme: themeName, noColor: depth == ColorDepth.none, ascii: ascii, format: format,
            width: width, height: height, colors: depth == ColorDepth.none ? nil : depth?.rawValue)
        return SnapshotHeader(commandLine: commandLine.text, result: result)
    }
}
