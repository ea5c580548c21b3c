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
        next.gridValues = nil
        next.gridCursorToFirst = false
        if next.gridCursor != nil {
            next.gridCursor = nil
            return (next, [])
        }
        next.gridCursor = head.ref
        return (next, [.refresh(.grid)])
    case .moveGridCursor(let layers, let heads):
        next.gridCursorToFirst = false
        let cursor = next.gridCursor ?? head.ref
        if let grid = next.grid, grid.order != .layers, let position = grid.cursorRank {
            let ranking = grid.ranking
            next.gridCursor = ranking[min(max(0, position + layers * shape.heads + heads), ranking.count - 1)]
        } else {
            next.gridCursor = shape.moving(cursor, layers: layers, heads: heads)
        }
    case .openGridHead:
        let cursor = next.gridCursor ?? head.ref
        next.gridCursor = nil
        next.gridValues = nil
        return showing(next, cursor)
    case .stepGridStatistic(let direction):
        next.gridStatistic = next.gridStatistic.stepped(direction)
        var skipped = ""
        if next.gridStatistic == .weightFromTo, next.keyToken == nil {
            next.gridStatistic = next.gridStatistic.stepped(direction)
            skipped = " (weight from→to needs a key token: J K in the picture)"
        }
        return rankingGrid(next, note: skipped)
    case .nextGridOrder:
        next.gridOrder = next.gridOrder.next
        return rankingGrid(next, note: "")
    case .stepKeyToken(let delta):
        // Slot 0 is "no key token", slots 1…n the tokens: J past the last one clears the pair.
        let slots = head.tokens.count + 1
        let slot = ((next.keyToken.map { $0 + 1 } ?? 0) + delta) % slots
        let wrapped = (slot + slots) % slots
        next.keyToken = wrapped == 0 ? nil : wrapped - 1
        if next.keyToken == nil { next.view.status = "no key token: J K choose one" }
    case .toggleEverywhere:
        next.everywhere.toggle()
        guard let factor = next.everywhereFactor else {
            next.view.status = "the model as trained: every other head divides by its own √d_head again"
            return (next, [])
        }
        next.view.status =
            "every head of every layer divides by \(ParameterSteps.format(factor))·√d_head: the encoder ran again"
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

/// The grid after a new statistic or order: ranked, the cursor goes to the first head (Enter opens
/// it), and the status names it and the `heads` command that lists the same order.
private func rankingGrid(_ state: AppState, note: String) -> (state: AppState, effects: [Effect]) {
    var next = state
    let statistic = next.gridStatistic
    next.gridCursorToFirst = false
    let command = "heads --sort \(statistic.column)" + (next.gridOrder == .descending ? " --descending" : "")
    guard next.gridOrder != .layers else {
        next.view.status = "\(statistic.name) · layer × head\(note)"
        return (next, [])
    }
    let word = next.gridOrder == .descending ? "largest" : "smallest"
    if let best = next.grid?.ranking.first {
        next.gridCursor = best
        next.view.status =
            "\(statistic.name), \(word) first: L\(best.layer) H\(best.head) · Enter opens it · \(command)\(note)"
    } else {
        next.gridCursorToFirst = true
        next.view.status = "\(statistic.name), \(word) first · Enter opens the first · \(command)\(note)"
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
    next.keyToken = nil
    next.view.status = "\(labels.tokens.count) tokens"
    return next
}
