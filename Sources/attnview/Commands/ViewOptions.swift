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

    @Option(parsing: .unconditional, help: "Query row shown in the row panel and marked on the heatmap, 0 to n − 1.")
    var row: Int = 0

    func validate() throws {
        guard row >= 0 else { throw ValidationError("--row \(row) is out of range (allowed: 0 or more)") }
    }

    /// The view for a result with `rows` query rows; `--row` past the last row is a usage error
    /// (checked here because file inputs set n only once they are read).
    func viewState(rows: Int) throws(FlagError) -> ViewState {
        guard row < rows else {
            throw FlagError(flag: "--row", value: String(row), allowed: "0–\(rows - 1), n = \(rows)")
        }
        return ViewState(heatmap: view.mode, selectedRow: row)
    }
}
