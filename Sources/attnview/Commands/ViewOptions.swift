import ArgumentParser
import AttentionCore
import Rendering

/// What the screen shows besides the model: the heatmap's matrix and the selected query row, so a
/// snapshot can reproduce any screen of the interactive view, not only its first one.
struct ViewOptions: ParsableArguments {
    /// `--view`'s values: the renderer's heatmap modes, spelled as the status bar spells them.
    enum Heatmap: String, CaseIterable, ExpressibleByArgument {
        case weights, logits

        var mode: HeatmapMode { self == .weights ? .weights : .logits }
    }

    @Option(help: "Heatmap of the attention weights (softmax) or of the logits QKᵀ/s.")
    var view: Heatmap = .weights

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Query row shown in the row panel and marked on the heatmap: 0 to n − 1, or with --model a token of the "
                + "text (one that occurs more than once: give its index).", valueName: "index|token"))
    var row: String = "0"

    @Flag(help: "With --model: one row per token in a window around --row, as the view's z shows it.")
    var zoom = false

    func validate() throws {
        if let index = Int(row), index < 0 {
            throw ValidationError("--row \(index) is out of range (allowed: 0 or more)")
        }
    }

    /// `--zoom` shows tokens: refused without `--model` (exit 64).
    func checkZoom(model: String?) throws {
        if zoom, model == nil { throw ValidationError("--zoom needs --model (it shows one row per token)") }
    }

    /// The view for a result with `rows` query rows and a model's `tokens` (nil for other inputs);
    /// `--row` past the last row, or a token the text does not have once, is a usage error (checked
    /// here because file inputs set n, and a model its tokens, only once they are read).
    func viewState(rows: Int, tokens: [String]? = nil) throws -> ViewState {
        guard let index = Int(row) else {
            guard let tokens else {
                throw ValidationError(
                    "--row '\(printable(row))' is not an index; a token names a row only with --model")
            }
            return ViewState(heatmap: view.mode, selectedRow: try TokenChoice.index(of: row, in: tokens, flag: "--row"))
        }
        guard index < rows else {
            throw FlagError(flag: "--row", value: String(index), allowed: "0–\(rows - 1), n = \(rows)")
        }
        return ViewState(heatmap: view.mode, selectedRow: index)
    }
}
