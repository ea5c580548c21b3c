/// Which keys apply right now. Every entry of the key table names the modes it works in.
///
/// To add a mode (a lab, say): a case here; `AppState.mode` says when the state is in it; its
/// `KeyEntry`s in `KeyTable.standard` name it in `modes` (their help rows and hints then appear on
/// its screen by themselves, and `ScreenKeysTests` checks each acts there); its `KeyAction`s are
/// reduced in a `reducing…` function of its own; its screen is drawn from what `EffectRunner.frame`
/// hands the renderer.
enum InputMode: Hashable, Sendable, CaseIterable {
    /// The picture, nothing open.
    case view
    /// The split view of `b`: the picture's keys, and Esc leaves it.
    case compare
    /// The key overlay is open over the picture; the picture's keys still work (and close it).
    case help
    /// The heads grid (`g`) is open: arrows move its cursor.
    case grid
    /// The text editor (`/`) is open: keys edit the text.
    case editor
    /// The terminal is below the minimum size: keys wait, only `q` quits.
    case tooSmall
    /// The training lab (`T`): its own keys; Esc returns to the picture.
    case lab

    /// Printable keys are text here (a text editor): `q` types a q instead of quitting.
    var takesText: Bool {
        switch self {
        case .view, .compare, .help, .grid, .tooSmall, .lab: false
        case .editor: true
        }
    }
}
