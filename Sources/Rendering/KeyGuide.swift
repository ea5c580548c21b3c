/// One documented key binding, as the help overlay, the footer and the parameter panel show it.
public struct KeyHelp: Hashable, Sendable {
    /// The key names, space separated, as the help shows them (e.g. "← → h l").
    public let keys: String
    /// What the keys do, in a few words.
    public let action: String
    public init(keys: String, action: String) {
        self.keys = keys
        self.action = action
    }
}

/// The documented keys of the interactive view (issue 4); the app's keymap is tested against this list.
public enum KeyGuide {
    /// Every binding, in the order the help overlay lists them.
    public static let all: [KeyHelp] = [
        KeyHelp(keys: "← → h l", action: "d_k halve / double"),
        KeyHelp(keys: "< > Shift+← →", action: "d_k − 1 / + 1"),
        KeyHelp(keys: "↑ ↓", action: "divisor up / down a quarter octave"),
        KeyHelp(keys: "1 2 3", action: "policy √d_k / d_k / none (alpha 1)"),
        KeyHelp(keys: "0", action: "back to the standard √d_k"),
        KeyHelp(keys: "n N", action: "fewer / more tokens"),
        KeyHelp(keys: "r", action: "new random seed"),
        KeyHelp(keys: "c", action: "causal mask on / off"),
        KeyHelp(keys: "[ ]", action: "rho down / up"),
        KeyHelp(keys: "v", action: "heatmap of weights / logits"),
        KeyHelp(keys: "j k Tab", action: "next / previous query row"),
        KeyHelp(keys: "t", action: "next theme"),
        KeyHelp(keys: "p", action: "play: sweep the divisor ±3 octaves"),
        KeyHelp(keys: "s", action: "save a text snapshot"),
        KeyHelp(keys: "S", action: "save text and JSON snapshots"),
        KeyHelp(keys: "?", action: "this help"),
        KeyHelp(keys: "q Esc", action: "quit"),
    ]
}
