import Rendering

/// Every key of the interactive view, described once. Keys become actions here, and the help
/// overlay, the status-bar hints, the parameter panel's key column, `attnview interactive --help`
/// and (checked by a test) the README's key table are all drawn from the same entries.
struct KeyTable: Sendable {
    let entries: [KeyEntry]

    /// The view's keys, in the order the help overlay lists them.
    static let standard = KeyTable(entries: [
        KeyEntry(
            [(.left, .halveDk), (.right, .doubleDk)], or: [(.character("h"), .halveDk), (.character("l"), .doubleDk)],
            help: "d_k halve / double", hint: KeyHint("d_k", priority: 2), parameters: [.dk]),
        KeyEntry(
            [(.character("<"), .decrementDk), (.character(">"), .incrementDk)],
            or: [(.shiftLeft, .decrementDk), (.shiftRight, .incrementDk)], help: "d_k − 1 / + 1"),
        KeyEntry(
            [(.up, .nudgeDivisor(quarterOctaves: 1)), (.down, .nudgeDivisor(quarterOctaves: -1))],
            help: "divisor up / down a quarter octave", hint: KeyHint("divisor", priority: 3),
            parameters: [.divisor, .alpha]),
        KeyEntry(
            [
                (.character("1"), .choosePolicy(.sqrtDk)), (.character("2"), .choosePolicy(.dk)),
                (.character("3"), .choosePolicy(.none)),
            ],
            help: "policy √d_k / d_k / none (alpha 1)", hint: KeyHint("policy", priority: 13), parameters: [.policy]),
        KeyEntry(
            [(.character("0"), .standardDivisor)], help: "back to the standard √d_k",
            hint: KeyHint("policy", priority: 13), parameters: [.policy]),
        KeyEntry(
            [(.character("n"), .fewerTokens), (.character("N"), .moreTokens)], help: "fewer / more tokens",
            hint: KeyHint("tokens", priority: 11), parameters: [.tokens], scope: .notModel),
        KeyEntry(
            [(.character("r"), .newSeed)], help: "new random seed", hint: KeyHint("seed", priority: 10),
            parameters: [.seed], scope: .notModel),
        KeyEntry(
            [(.character("c"), .toggleCausal)], help: "causal mask on / off", hint: KeyHint("causal", priority: 9),
            parameters: [.causal]),
        KeyEntry(
            [(.character("["), .rhoDown), (.character("]"), .rhoUp)], help: "rho down / up",
            hint: KeyHint("rho", priority: 12), parameters: [.rho], scope: .notModel),
        KeyEntry(
            [(.character("v"), .toggleHeatmap)], help: "heatmap of weights / logits", hint: KeyHint("view", priority: 4)
        ),
        KeyEntry(
            [(.character("j"), .nextRow), (.character("k"), .previousRow)], or: [(.tab, .nextRowWrapping)],
            help: "next / previous query row", hint: KeyHint("row", priority: 5)),
        KeyEntry(
            [(.character("t"), .nextTheme)], help: "next theme", hint: KeyHint("theme", priority: 6),
            parameters: [.theme]),
        KeyEntry(
            [(.character("p"), .togglePlay)], help: "play: sweep the divisor ±3 octaves",
            hint: KeyHint("play", priority: 7)),
        KeyEntry(
            [(.character("s"), .save(json: false))], help: "save a text snapshot", hint: KeyHint("save", priority: 8)),
        KeyEntry([(.character("S"), .save(json: true))], help: "save text and JSON snapshots"),
        KeyEntry([(.character("?"), .toggleHelp)], help: "this help", hint: KeyHint("help", priority: 0)),
        KeyEntry(
            [(.character("q"), .quit)], help: "quit (Ctrl-C too)", hint: KeyHint("quit", priority: 1)),
        KeyEntry([(.escape, .back)], help: "close the help, grid or editor (never quits)"),
    ])

    /// What `key` does in `mode`: the first entry of the mode that binds it, else the mode's text
    /// entry for a printable character, else `.unboundKey`.
    func action(for key: Key, in mode: InputMode) -> Action {
        if case let .resize(width, height) = key { return .resize(width: width, height: height) }
        let current = entries.filter { $0.modes.contains(mode) }
        for entry in current {
            if let binding = entry.allBindings.first(where: { $0.key == key }) { return binding.action }
        }
        if case let .character(character) = key, let typing = current.lazy.compactMap(\.typing).first {
            return typing(character)
        }
        return .unboundKey
    }

    /// The display side, for the renderer.
    var guide: KeyGuide { KeyGuide(entries.map(\.display)) }

    /// The keys as `--help` lists them: one line per entry of the picture, keys then what they do.
    var helpText: String {
        let lines = entries.filter { $0.modes.contains(.view) }.map(\.display)
        let width = lines.map(\.helpKeys.count).max() ?? 0
        return lines.map { line in
            "  " + line.helpKeys + String(repeating: " ", count: width - line.helpKeys.count + 2) + line.help
        }.joined(separator: "\n")
    }
}
