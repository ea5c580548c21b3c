import AttentionCore
import Rendering

/// What reaches the reducer: a key the user pressed, or the outcome of something the loop did.
/// Kept apart so an outcome can never be taken for a key: keys stop play and wait while the
/// screen is too small; outcomes (a failed theme, a finished save) always land.
enum Action: Hashable, Sendable {
    case key(KeyAction)
    case outcome(Outcome)
}

/// Everything the user can ask for with a key; `KeyTable` maps keys to these.
enum KeyAction: Hashable, Sendable {
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
    /// `b`: the split view of the current divisor beside the standard one (√d_k, alpha 1), or back.
    case toggleCompare
    case previousRow, nextRow, nextRowWrapping
    /// Select the sharpest or the flattest row of the result on screen (found by the event loop).
    case jumpToRow(RowSharpness.Extreme)
    case nextTheme
    case togglePlay
    /// Save the current frame as a snapshot in the state's format, and with `json` the JSON document too.
    case save(json: Bool)
    /// The next format `s` and `S` save in: text, SVG, ANSI.
    case nextSnapshotFormat
    case toggleHelp
    /// Model mode: next / previous head (`.` `,`) and layer (PgDn PgUp), wrapping around.
    case stepHead(Int), stepLayer(Int)
    /// `z`: one text row per token, in a window that follows the selected row.
    case toggleZoom
    /// `g`: open or close the heads grid.
    case toggleGrid
    /// Arrows in the grid: move its cursor by whole cells.
    case moveGridCursor(layers: Int, heads: Int)
    /// Enter in the grid: show the cursor's head and close the grid.
    case openGridHead
    /// `s` `S` in the grid: the next / previous statistic that colours and numbers the heads.
    case stepGridStatistic(Int)
    /// `r` in the grid: layer × head, ranked largest first, ranked smallest first.
    case nextGridOrder
    /// `J` `K`: the pair's key token one to the right / left (past the ends: none).
    case stepKeyToken(Int)
    /// `A`: every head of every layer divides by the current divisor change, the encoder runs again.
    case toggleEverywhere
    /// `/`: open the text editor on the current text.
    case openEditor
    /// A key in the editor.
    case edit(LineEditor.Edit)
    /// Enter in the editor: run the model on the edited text.
    case submitText
    /// Esc in the editor: close it, the text on screen unchanged.
    case cancelEdit
    /// A key with no binding: it does nothing, except stop play like any key.
    case unboundKey
    /// Esc with the help overlay open. Esc never quits: it closes what is open.
    case closeHelp
    /// `q` (Ctrl-C quits through its signal).
    case quit
    /// `T`: open the training lab; Esc in it closes it (or its help).
    case openLab, closeLab
    /// The lab's d_k halved or doubled, its learning rate a half octave down or up.
    case labDk(doublings: Int), labLearningRate(halfOctaves: Int)
    /// The lab's optimiser SGD ↔ Adam, a new seed for its data, pause or resume, the transfer grid.
    case labOptimizer, labSeed, labPause, labGrid
}

/// What came back from the event loop's work, its timer or the terminal; never a key press.
enum Outcome: Hashable, Sendable {
    /// One animation step while playing (the event loop sends it when input times out).
    case tick
    /// The outcome of a jump: the row found and its H / ln m.
    case rowFound(row: Int, extreme: RowSharpness.Extreme, normalizedEntropy: Double)
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
    /// The open heads grid's numbers for the parameters on screen.
    case gridComputed(HeadsGridValues)
    /// The model ran on a new text: these labels (tokens, sizes) are now on screen.
    case textRan(ModelHead)
    /// The model could not take the edited text (too long, no words): the editor stays open with
    /// the text and says why.
    case textRefused(String)
    /// The terminal changed size.
    case resize(width: Int, height: Int)
    /// The lab's runs after some more steps (dropped unless they are the runs on screen).
    case labProgress(LabProgress)
    /// The transfer grid's finished runs so far.
    case gridProgress(GridProgress)
}
