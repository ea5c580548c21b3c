/// One documented key binding, as the help overlay, the footer and the parameter panel show it.
public struct KeyHelp: Hashable, Sendable {
    public let keys: String
    public let action: String
    public init(keys: String, action: String) {
        self.keys = keys
        self.action = action
    }
}

/// The documented keys of the interactive view; the app's keymap is tested against this list.
public enum KeyGuide {
    public static let all: [KeyHelp] = [
        KeyHelp(keys: "q Esc", action: "quit"),
    ]
}
