import AttentionCore

/// One key binding: the key, how the help overlay spells it, and what it does.
struct KeyBinding: Sendable {
    let key: Key
    /// The key as `KeyGuide` spells it (e.g. `←`, `Shift+→`, `Esc`).
    let label: String
    let action: Action
}

/// Turns keys into actions: a pure table, tested against the renderer's `KeyGuide`.
enum Keymap {
    /// Every binding, in the order KeyGuide lists them.
    static let bindings: [KeyBinding] = [
        KeyBinding(key: .left, label: "←", action: .halveDk),
        KeyBinding(key: .character("h"), label: "h", action: .halveDk),
        KeyBinding(key: .right, label: "→", action: .doubleDk),
        KeyBinding(key: .character("l"), label: "l", action: .doubleDk),
        KeyBinding(key: .shiftLeft, label: "Shift+←", action: .decrementDk),
        KeyBinding(key: .character("<"), label: "<", action: .decrementDk),
        KeyBinding(key: .shiftRight, label: "Shift+→", action: .incrementDk),
        KeyBinding(key: .character(">"), label: ">", action: .incrementDk),
        KeyBinding(key: .up, label: "↑", action: .nudgeDivisor(quarterOctaves: 1)),
        KeyBinding(key: .down, label: "↓", action: .nudgeDivisor(quarterOctaves: -1)),
        KeyBinding(key: .character("1"), label: "1", action: .choosePolicy(.sqrtDk)),
        KeyBinding(key: .character("2"), label: "2", action: .choosePolicy(.dk)),
        KeyBinding(key: .character("3"), label: "3", action: .choosePolicy(.none)),
        KeyBinding(key: .character("0"), label: "0", action: .standardDivisor),
        KeyBinding(key: .character("n"), label: "n", action: .fewerTokens),
        KeyBinding(key: .character("N"), label: "N", action: .moreTokens),
        KeyBinding(key: .character("r"), label: "r", action: .newSeed),
        KeyBinding(key: .character("c"), label: "c", action: .toggleCausal),
        KeyBinding(key: .character("["), label: "[", action: .rhoDown),
        KeyBinding(key: .character("]"), label: "]", action: .rhoUp),
        KeyBinding(key: .character("v"), label: "v", action: .toggleHeatmap),
        KeyBinding(key: .character("j"), label: "j", action: .nextRow),
        KeyBinding(key: .character("k"), label: "k", action: .previousRow),
        KeyBinding(key: .tab, label: "Tab", action: .nextRowWrapping),
        KeyBinding(key: .character("t"), label: "t", action: .nextTheme),
        KeyBinding(key: .character("p"), label: "p", action: .togglePlay),
        KeyBinding(key: .character("s"), label: "s", action: .save(json: false)),
        KeyBinding(key: .character("S"), label: "S", action: .save(json: true)),
        KeyBinding(key: .character("?"), label: "?", action: .toggleHelp),
        KeyBinding(key: .character("q"), label: "q", action: .quit),
        KeyBinding(key: .escape, label: "Esc", action: .back),
    ]

    private static let table: [Key: Action] = Dictionary(
        bindings.map { ($0.key, $0.action) }, uniquingKeysWith: { first, _ in first })

    /// The action for `key`; `.unboundKey` for keys without a binding.
    static func action(for key: Key) -> Action {
        if case let .resize(width, height) = key { return .resize(width: width, height: height) }
        return table[key] ?? .unboundKey
    }
}
