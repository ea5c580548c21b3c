import AttentionCore
import Rendering

@testable import attnview

extension ScreenKeys {
    /// The interactive view's keys for a picture shown with `view` (of a model with `model`), as
    /// the app hands them to the renderer.
    static func app(_ view: ViewState, model: Bool = false) -> ScreenKeys {
        let head = ModelHead(model: "m", text: "t", tokens: [], layer: 0, head: 0, layers: 1, heads: 1)
        return KeyTable.standard.screen(in: view.showHelp ? .help : .view, for: model ? .model(head) : .generated)
    }
}
