import Rendering

/// One key described once: its keys and what each does, its help text, its status-bar hint, the
/// parameter rows that list it and the modes it applies to. `KeyTable` holds them all.
struct KeyEntry: Sendable {
    /// The keys and their actions, shown wherever the entry appears.
    let bindings: [(key: Key, action: KeyAction)]
    /// More keys for the same actions (`h` `l` beside `←` `→`), shown in the help overlay only.
    let alternates: [(key: Key, action: KeyAction)]
    /// In a text mode: what a printable character that no binding claims does (the character is typed).
    let typing: (@Sendable (Character) -> KeyAction)?
    let help: String
    let hint: KeyHint?
    let parameters: [ParameterRow]
    let modes: Set<InputMode>
    /// Which pictures the keys apply to (the help and the status bar list only those).
    let scope: KeyScope

    /// The modes where the picture's keys work: the picture itself, split by `b`, and with the
    /// help overlay open.
    static let picture: Set<InputMode> = [.view, .compare, .help]
    /// Every mode but those that take text: where `q` quits, a new mode included.
    static let commandModes = Set(InputMode.allCases.filter { !$0.takesText })

    init(
        _ bindings: [(key: Key, action: KeyAction)], or alternates: [(key: Key, action: KeyAction)] = [], help: String,
        hint: KeyHint? = nil, parameters: [ParameterRow] = [], modes: Set<InputMode> = picture,
        scope: KeyScope = .all
    ) {
        self.bindings = bindings
        self.alternates = alternates
        self.typing = nil
        self.help = help
        self.hint = hint
        self.parameters = parameters
        self.modes = modes
        self.scope = scope
    }

    /// A text entry: every printable character becomes `typing(character)` in `modes`.
    init(typing: @escaping @Sendable (Character) -> KeyAction, help: String, modes: Set<InputMode>) {
        self.bindings = []
        self.alternates = []
        self.typing = typing
        self.help = help
        self.hint = nil
        self.parameters = []
        self.modes = modes
        self.scope = .all
    }

    /// Every exact key of the entry with its action.
    var allBindings: [(key: Key, action: KeyAction)] { bindings + alternates }

    /// The labels shown wherever the entry appears: the bindings' keys, or "text" for typing.
    var labels: [String] {
        typing == nil ? bindings.map(\.key.label) : ["text"]
    }

    /// The help overlay's spelling: every label, a modifier said once per run ("< > Shift+← →").
    var helpKeys: String {
        var words: [String] = []
        var lastModifier: Substring?
        for label in labels + alternates.map(\.key.label) {
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

    /// Its row in the help overlay.
    var helpRow: ScreenKeys.HelpRow {
        ScreenKeys.HelpRow(keys: helpKeys, text: help)
    }
}
