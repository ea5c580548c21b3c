/// One entry of the app's key table as the screen shows it: a line of the help overlay, maybe a
/// status-bar hint, maybe the key column of parameter rows. The executable builds these from its
/// table, so the renderer draws the keys without knowing what they do.
public struct KeyHelp: Hashable, Sendable {
    /// The keys' labels, e.g. `["←", "→"]`: shown everywhere the entry appears.
    public let keys: [String]
    /// More keys for the same actions, e.g. `["h", "l"]`: shown in the help overlay only.
    public let alternates: [String]
    /// What the keys do, in a few words (the help overlay's text).
    public let help: String
    public let hint: KeyHint?
    /// Parameter panel rows whose key column lists `keys`.
    public let parameters: [ParameterRow]
    public let modes: Set<InputMode>
    /// Which pictures the keys apply to.
    public let scope: KeyScope

    public init(
        keys: [String], alternates: [String] = [], help: String, hint: KeyHint? = nil, parameters: [ParameterRow] = [],
        modes: Set<InputMode>, scope: KeyScope = .all
    ) {
        self.keys = keys
        self.alternates = alternates
        self.help = help
        self.hint = hint
        self.parameters = parameters
        self.modes = modes
        self.scope = scope
    }

    /// The help overlay's spelling: every label, a modifier said once per run ("< > Shift+← →").
    public var helpKeys: String {
        var words: [String] = []
        var lastModifier: Substring?
        for label in keys + alternates {
            let plus = label.count > 1 ? label.lastIndex(of: "+") : nil
            let modifier = plus.map { label[...$0] }
            if let modifier, modifier == lastModifier, let plus {
                words.append(String(label[label.index(after: plus)...]))
            } else {
                words.append(label)
            }
            lastModifier = modifier
        }
        return words.joined(separator: " ")
    }
}
