import AttentionCore
import Rendering

/// Model mode's keys: stepping through heads and layers, the zoom, the heads grid and the text
/// editor. Layer and head live in the parameters' `.model` source, so a step is a parameter change
/// like any other (the engine slices the encoder's Q and K; the encoder does not run again).
func reducingModel(_ state: AppState, _ action: KeyAction) -> (state: AppState, effects: [Effect]) {
    guard let head = state.modelHead else {
        return refusing(state, "that key needs a model: start attnview with --model (and --text)")
    }
    let shape = head.shape
    var next = state
    switch action {
    case .stepHead(let delta):
        return showing(next, shape.stepping(head.ref, heads: delta))
    case .stepLayer(let delta):
        return showing(next, shape.stepping(head.ref, layers: delta))
    case .toggleZoom:
        next.zoomed.toggle()
        next.view.status = next.zoomed ? "zoom: one row per token, following the selected row" : "zoom off"
    case .toggleGrid:
        if next.gridCursor != nil {
            next.gridCursor = nil
            return (next, [])
        }
        next.gridCursor = head.ref
        return (next, [.refresh(.grid)])
    case .moveGridCursor(let layers, let heads):
        next.gridCursor = shape.moving(next.gridCursor ?? head.ref, layers: layers, heads: heads)
    case .openGridHead:
        let cursor = next.gridCursor ?? head.ref
        next.gridCursor = nil
        return showing(next, cursor)
    case .openEditor:
        next.editor = LineEditor(text: head.text)
    case .edit(let edit):
        next.editor = next.editor?.applying(edit)
    case .cancelEdit:
        next.editor = nil
        next.view.status = "text unchanged"
    case .submitText:
        guard let editor = next.editor else { return (next, []) }
        if editor.text.allSatisfy(\.isWhitespace) {
            next.editor?.problem = "the text is empty: the model needs at least one word"
            return (next, [])
        }
        if editor.text == head.text {
            next.editor = nil
            return refusing(next, "the same text: nothing to run")
        }
        next.view.status = "running the model…"
        return (next, [.runText(editor.text)])
    default:
        break
    }
    return (next, [])
}

/// The parameters moved to head `ref`; `reduce` asks for that head's result, curve (and baseline
/// while split) like after any parameter change.
private func showing(_ state: AppState, _ ref: HeadRef) -> (state: AppState, effects: [Effect]) {
    guard let labels = state.modelHead?.showing(ref) else { return (state, []) }
    var next = state
    next.params.source = .model(labels)
    next.view.status = "layer \(labels.layer) head \(labels.head)"
    return (next, [])
}

/// The model's run on a new text on screen: its tokens are the queries and keys now.
func showingText(_ state: AppState, _ labels: ModelHead) -> AppState {
    var next = state
    next.editor = nil
    next.params.source = .model(labels)
    next.params.n = labels.tokens.count
    next.params.m = labels.tokens.count
    next.view.selectedRow = min(next.view.selectedRow, max(0, labels.tokens.count - 1))
    next.view.status = "\(labels.tokens.count) tokens"
    return next
}
