import AttentionCore

/// Everything the user can ask for; keys become actions (`KeyTable`), actions change the state (`reduce`).
enum Action: Hashable, Sendable {
    case halveDk, doubleDk
    case decrementDk, incrementDk
    /// Divisor × 2^(±¼): `+1` raises it a quarter octave, `-1` lowers it.
    case nudgeDivisor(quarterOctaves: Int)
    /// A divisor policy with alpha reset to 1.
    case choosePolicy(ScalePolicy)
    /// Back to the standard: √d_k, alpha 1.
    case standardDivisor
    case fewerTokens, moreTokens
    case newSeed
    case toggleCausal
    case rhoDown, rhoUp
    case toggleHeatmap
    case previousRow, nextRow, nextRowWrapping
    case nextTheme
    case togglePlay
    /// One animation step while playing (the event loop sends it when input times out).
    case tick
    /// Save the current frame as a text snapshot, and with `json` the JSON document too.
    case save(json: Bool)
    /// The outcome of a save the event loop performed.
    case saved(paths: [String])
    case saveFailed(String)
    /// A problem outside the reducer (computation, theme) to show in the status bar.
    case report(String)
    /// The theme in the state could not be loaded: the default is drawn instead, and the state
    /// says so (saved snapshots then name the theme that is really on screen).
    case themeFailed(reason: String)
    /// The engine refused the parameters: go back to the last ones it computed, saying why.
    case revert(to: AttentionParams, reason: String)
    case toggleHelp
    /// A key with no binding: it does nothing, except stop play like any key.
    case unboundKey
    /// Esc: closes the editor, the grid or the help overlay, whichever is open; never quits.
    case back
    case quit
    case resize(width: Int, height: Int)
}
