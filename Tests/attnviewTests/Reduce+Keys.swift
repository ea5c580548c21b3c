import Rendering

@testable import attnview

/// `reduce` for a key press, as the event loop hands it over.
func reduce(_ state: AppState, _ key: KeyAction) -> (state: AppState, effects: [Effect]) {
    reduce(state, .key(key))
}

/// `reduce` for an outcome of the loop's work, its timer or the terminal.
func reduce(_ state: AppState, _ outcome: Outcome) -> (state: AppState, effects: [Effect]) {
    reduce(state, .outcome(outcome))
}

/// The effects that bring the picture up to date, in the order given.
func refreshing(_ refreshes: Refresh...) -> [Effect] {
    refreshes.map { .refresh($0) }
}

extension KeyTable {
    /// What `key` asks for in `mode`; nil for a resize, which is the terminal's outcome.
    func pressing(_ key: Key, in mode: InputMode) -> KeyAction? {
        if case .key(let action) = action(for: key, in: mode) { return action }
        return nil
    }
}
