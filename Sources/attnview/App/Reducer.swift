import AttentionCore
import Foundation
import Rendering

/// The app's one state transition: pure, so every key's effect is unit-tested without a terminal.
/// Returns the new state and the work the event loop must do for it (compute, load a theme, save,
/// quit); the outcome of that work comes back as an `Outcome`. Changes that would make the
/// parameters invalid are refused with a status message instead.
func reduce(_ state: AppState, _ action: Action) -> (state: AppState, effects: [Effect]) {
    switch action {
    case .key(let key): pressing(state, key)
    case .outcome(let outcome): receiving(state, outcome)
    }
}

/// A key press: it clears the status, closes the help and stops play before doing its own work.
private func pressing(_ state: AppState, _ key: KeyAction) -> (state: AppState, effects: [Effect]) {
    // The "terminal too small" screen shows nothing a key could change: keys other than q wait
    // (that screen says so), so nothing changes out of sight.
    if state.isTooSmall && key != .quit { return (state, []) }
    var next = state
    next.view.status = ""
    // Any key that does something closes the help, so its effect is visible.
    if ![.toggleHelp, .closeHelp, .closeLab, .unboundKey].contains(key) { next.view.showHelp = false }
    // While playing, a key press only stops the animation (q still quits).
    if state.view.playing && key != .quit {
        next.view.playing = false
        next.view.status = "stopped at divisor \(ParameterSteps.format(state.params.divisor))"
        return (next, [])
    }
    var (reduced, effects) = reducingKey(next, key)
    let training = labWork(from: state, to: &reduced)
    return (reduced, effects + work(from: state, to: reduced) + training)
}

/// What came of the loop's work, its timer or the terminal: always taken in, whatever is on screen.
private func receiving(_ state: AppState, _ outcome: Outcome) -> (state: AppState, effects: [Effect]) {
    var next = state
    switch outcome {
    case .tick:
        // Play pauses on the "too small" screen rather than move the divisor unseen.
        guard next.view.playing, !next.isTooSmall else { return (next, []) }
        next = playing(next)
    case .rowFound(let row, let extreme, let value):
        next.view.selectedRow = min(max(0, row), max(0, next.params.n - 1))
        let word = extreme == .sharpest ? "sharpest" : "flattest"
        let shown = value < 1e-4 ? "below 0.0001" : ParameterSteps.format(value)
        next.view.status = "row \(row) is the \(word): H / ln m \(shown)"
    case .saved(let paths): next.view.status = savedMessage(paths)
    case .saveFailed(let message): next.view.status = "not saved: " + message
    case .report(let message): next.view.status = message
    case .themeFailed(let reason):
        next.themeName = Theme.fallback.name
        next.view.status = "\(reason); using the default theme"
    case .revert(let params, let reason):
        next.params = params
        next.view.playing = false
        next.view.status = reason
        // The engine still shows these parameters: nothing to recompute.
        return (next, [])
    case .textRan(let labels): next = showingText(next, labels)
    case .gridComputed(let values):
        guard next.gridCursor != nil else { return (next, []) }
        next.gridValues = values
        if next.gridCursorToFirst, let first = next.grid?.ranking.first {
            next.gridCursor = first
            next.gridCursorToFirst = false
        }
    case .textRefused(let reason):
        next.editor?.problem = reason
        next.view.status = reason
    case .resize(let width, let height):
        next.width = width
        next.height = height
    case .labProgress, .gridProgress: return (receivingLab(next, outcome), [])
    }
    return (next, work(from: state, to: next))
}

/// The work new parameters need, worked out here once for every key that changes them: with `A`
/// on, the encoder again when the divisor change moved; the result; the divisor curve and the
/// standard-divisor twin of `b` only when more than the divisor changed (neither depends on it);
/// an open heads grid's summaries.
private func work(from state: AppState, to next: AppState) -> [Effect] {
    let factorChanged = next.everywhereFactor != state.everywhereFactor
    guard next.params != state.params || factorChanged else { return [] }
    let inputsChanged = next.params.standardBaseline != state.params.standardBaseline || factorChanged
    let refreshes: [Refresh] =
        (factorChanged ? [.encoder(factor: next.everywhereFactor)] : []) + [.compute(next.params)]
        + (inputsChanged ? [.curve] : [])
        + (inputsChanged && next.view.comparing ? [.baseline] : [])
        + (next.gridCursor != nil && state.gridCursor != nil ? [.grid] : [])
    return refreshes.map { .refresh($0) }
}

/// One action's own change; `reduce` adds the work a parameter change needs.
private func reducingKey(_ state: AppState, _ action: KeyAction) -> (state: AppState, effects: [Effect]) {
    var next = state
    switch action {
    case .stepHead, .stepLayer, .toggleZoom, .toggleGrid, .moveGridCursor, .openGridHead, .openEditor, .edit,
        .submitText, .cancelEdit, .stepGridStatistic, .nextGridOrder, .stepKeyToken, .toggleEverywhere:
        return reducingModel(next, action)
    case .openLab, .closeLab, .labDk, .labLearningRate, .labOptimizer, .labSeed, .labPause, .labGrid:
        return reducingLab(next, action)
    case .halveDk, .decrementDk:
        let dk = action == .halveDk ? next.params.dk / 2 : next.params.dk - 1
        return changingParams(next, atLimit: "d_k is at its smallest, \(next.dkRange.lowerBound)") {
            $0.dk = max(next.dkRange.lowerBound, dk)
        }
    case .doubleDk, .incrementDk:
        let dk = action == .doubleDk ? next.params.dk * 2 : next.params.dk + 1
        return changingParams(next, atLimit: "d_k is at its largest, \(next.dkRange.upperBound)") {
            $0.dk = min(next.dkRange.upperBound, dk)
        }
    case .nudgeDivisor(let steps):
        return changingParams(next) { $0 = ParameterSteps.nudgingDivisor($0, by: steps) }
    case .choosePolicy(let policy):
        return changingParams(next, atLimit: "the divisor policy is already \(policy.name) with alpha 1") {
            $0.scale = policy
            $0.alpha = 1
        }
    case .standardDivisor:
        return changingParams(next, atLimit: "already the standard divisor √d_k") {
            $0.scale = .sqrtDk
            $0.alpha = 1
        }
    case .fewerTokens, .moreTokens:
        return changingTokens(next, grow: action == .moreTokens)
    case .newSeed:
        guard !next.usesFiles else {
            return refusing(next, "the seed does not apply: Q and K come from \(next.inputsOrigin)")
        }
        return changingParams(next) { $0.seed &+= 1 }
    case .toggleCausal: return changingParams(next) { $0.causal.toggle() }
    case .rhoDown, .rhoUp:
        guard !next.usesFiles else {
            return refusing(next, "rho does not apply: Q and K come from \(next.inputsOrigin)")
        }
        let direction = action == .rhoUp ? 1 : -1
        guard let rho = ParameterSteps.rho(after: next.params.rho, direction: direction) else {
            return refusing(next, direction > 0 ? "rho is at its largest step" : "rho is already 0")
        }
        return changingParams(next) { $0.rho = rho }
    case .toggleHeatmap:
        next.view.heatmap = next.view.heatmap == .weights ? .logits : .weights
    case .toggleCompare:
        next.view.comparing.toggle()
        return (next, next.view.comparing ? [.refresh(.baseline)] : [])
    case .previousRow: next.view.selectedRow = max(0, next.view.selectedRow - 1)
    case .nextRow: next.view.selectedRow = min(next.params.n - 1, next.view.selectedRow + 1)
    case .nextRowWrapping: next.view.selectedRow = (next.view.selectedRow + 1) % max(1, next.params.n)
    case .jumpToRow(let extreme): return (next, [.findRow(extreme)])
    case .nextTheme:
        guard !next.themeNames.isEmpty else { return refusing(next, "no themes found") }
        let index = next.themeNames.firstIndex(of: next.themeName).map { $0 + 1 } ?? 0
        next.themeName = next.themeNames[index % next.themeNames.count]
        next.view.status = "theme \(next.themeName)"
        return (next, [.refresh(.theme(next.themeName))])
    case .togglePlay:
        next.view.playing = true
        next.playDirection =
            ParameterSteps.quarterOctaves(of: next.params) >= ParameterSteps.playQuarterOctaves ? -1 : 1
        next.view.status = "the divisor sweeps ±3 octaves around its policy · any key stops"
    case .save(let json):
        guard !next.everywhere else {
            return refusing(next, "not saved: a snapshot cannot replay every divisor changed (A turns it off)")
        }
        return (next, [.save(json: json)])
    case .nextSnapshotFormat:
        next.snapshotFormat = next.snapshotFormat.next
        next.view.status = "s saves \(next.snapshotFormat.rawValue) (.\(next.snapshotFormat.fileExtension))"
    case .toggleHelp: next.view.showHelp.toggle()
    case .unboundKey: break
    case .closeHelp: next.view.showHelp = false
    case .quit: return (next, [.quit])
    }
    return (next, [])
}

/// Applies `change` to the parameters if the result is computable, else keeps them and says why.
func changingParams(
    _ state: AppState, atLimit: String = "already there", _ change: (inout AttentionParams) -> Void
) -> (state: AppState, effects: [Effect]) {
    var params = state.params
    change(&params)
    if let problem = ParameterSteps.problem(with: params, dkRange: state.dkRange) {
        return refusing(state, problem)
    }
    if params == state.params {
        return refusing(state, atLimit)
    }
    var next = state
    next.params = params
    next.view.selectedRow = min(next.view.selectedRow, max(0, params.n - 1))
    return (next, [])
}

/// Halves or doubles both token counts, keeping their ratio where the limits allow.
private func changingTokens(_ state: AppState, grow: Bool) -> (state: AppState, effects: [Effect]) {
    guard !state.usesFiles else {
        return refusing(
            state,
            state.modelHead == nil
                ? "token counts come from the Q and K files" : "the tokens come from the text: / edits it")
    }
    let limits = Limits.tokens
    let atLimit = grow ? "tokens are at their largest, \(limits.upperBound)" : "tokens are at their smallest, 1"
    return changingParams(state, atLimit: atLimit) {
        $0.n = grow ? min(limits.upperBound, $0.n * 2) : max(limits.lowerBound, $0.n / 2)
        $0.m = grow ? min(limits.upperBound, $0.m * 2) : max(limits.lowerBound, $0.m / 2)
    }
}

/// One animation step: a quarter octave in the current direction, turning at ±3 octaves.
private func playing(_ state: AppState) -> AppState {
    var next = state
    let limit = ParameterSteps.playQuarterOctaves
    let position = ParameterSteps.quarterOctaves(of: state.params)
    var target = position + next.playDirection
    if abs(target) > limit && (target > 0) == (next.playDirection > 0) {
        next.playDirection = -next.playDirection
        target = position + next.playDirection
    }
    let params = ParameterSteps.placingDivisor(state.params, atQuarterOctaves: target)
    if let problem = ParameterSteps.problem(with: params, dkRange: state.dkRange) {
        next.view.playing = false
        next.view.status = "stopped: " + problem
        return next
    }
    next.params = params
    return next
}

/// "saved NAME.txt + .json in DIR": the file name first, since the status bar may cut the end.
private func savedMessage(_ paths: [String]) -> String {
    guard let first = paths.first else { return "nothing saved" }
    let url = URL(fileURLWithPath: first)
    let others = paths.dropFirst().map { " + ." + URL(fileURLWithPath: $0).pathExtension }.joined()
    return "saved \(url.lastPathComponent)\(others) in \(url.deletingLastPathComponent().path)"
}

/// The state unchanged but for the status line saying why; nothing to do.
func refusing(_ state: AppState, _ message: String) -> (state: AppState, effects: [Effect]) {
    var next = state
    next.view.status = message
    return (next, [])
}
