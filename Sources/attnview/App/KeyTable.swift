import AttentionCore
import Rendering

/// Every key of the interactive view, described once. Keys become actions here, and the help
/// overlay, the status-bar hints, the parameter panel's key column, `attnview interactive --help`
/// and (checked by a test) the README's key table are all drawn from the same entries.
struct KeyTable: Sendable {
    let entries: [KeyEntry]

    /// The view's keys, in the order the help overlay lists them.
    static let standard = KeyTable(
        entries: [
            KeyEntry(
                [(.left, .halveDk), (.right, .doubleDk)],
                or: [(.character("h"), .halveDk), (.character("l"), .doubleDk)],
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
                help: "policy √d_k / d_k / none (alpha 1)", hint: KeyHint("policy", priority: 13), parameters: [.policy]
            ),
            KeyEntry(
                [(.character("0"), .standardDivisor)], help: "back to the standard √d_k",
                hint: KeyHint("policy", priority: 13), parameters: [.policy]),
            KeyEntry(
                [(.character("n"), .fewerTokens), (.character("N"), .moreTokens)], help: "fewer / more tokens",
                hint: KeyHint("tokens", priority: 11), parameters: [.tokens], scope: .generator),
            KeyEntry(
                [(.character("r"), .newSeed)], help: "new random seed", hint: KeyHint("seed", priority: 10),
                parameters: [.seed], scope: .generator),
            KeyEntry(
                [(.character("c"), .toggleCausal)], help: "causal mask on / off", hint: KeyHint("causal", priority: 9),
                parameters: [.causal]),
            KeyEntry(
                [(.character("["), .rhoDown), (.character("]"), .rhoUp)], help: "rho down / up",
                hint: KeyHint("rho", priority: 12), parameters: [.rho], scope: .generator),
            KeyEntry(
                [(.character("v"), .toggleHeatmap)], help: "heatmap of weights / logits",
                hint: KeyHint("view", priority: 4)
            ),
            KeyEntry(
                [(.character("b"), .toggleCompare)], help: "compare with the standard √d_k",
                hint: KeyHint("compare", priority: 14)),
            KeyEntry(
                [(.character("j"), .nextRow), (.character("k"), .previousRow)], or: [(.tab, .nextRowWrapping)],
                help: "next / previous query row", hint: KeyHint("row", priority: 5)),
            KeyEntry(
                [(.character("e"), .jumpToRow(.sharpest))], help: "jump to the sharpest row",
                hint: KeyHint("sharpest", priority: 14)),
            KeyEntry(
                [(.character("E"), .jumpToRow(.flattest))], help: "jump to the flattest row",
                hint: KeyHint("flattest", priority: 15)),
            KeyEntry(
                [(.character("t"), .nextTheme)], help: "next theme", hint: KeyHint("theme", priority: 6),
                parameters: [.theme]),
            KeyEntry(
                [(.character("p"), .togglePlay)], help: "play: sweep the divisor ±3 octaves",
                hint: KeyHint("play", priority: 7)),
            KeyEntry(
                [(.character("s"), .save(json: false))], or: [(.character("S"), .save(json: true))],
                help: "save (format: f), S with JSON", hint: KeyHint("save", priority: 8),
                modes: KeyEntry.picture.union([.lab])),
            KeyEntry(
                [(.character("f"), .nextSnapshotFormat)], help: "snapshot format text / svg / ansi",
                modes: KeyEntry.picture.union([.lab])),
            KeyEntry(
                [(.character("."), .stepHead(1)), (.character(","), .stepHead(-1))], help: "next / previous head",
                hint: KeyHint("head", priority: 2), parameters: [.head], scope: .model),
            KeyEntry(
                [(.pageDown, .stepLayer(1)), (.pageUp, .stepLayer(-1))], help: "next / previous layer",
                hint: KeyHint("layer", priority: 3), parameters: [.layer], scope: .model),
            KeyEntry(
                [(.character("g"), .toggleGrid)], help: "heads grid: every layer × head at this divisor",
                hint: KeyHint("grid", priority: 4), scope: .model),
            KeyEntry(
                [(.character("/"), .openEditor)], help: "edit the text the model reads",
                hint: KeyHint("text", priority: 5),
                parameters: [.text], scope: .model),
            KeyEntry(
                [(.character("z"), .toggleZoom)], help: "zoom: one row per token, following the row",
                hint: KeyHint("zoom", priority: 6), scope: .model),
            KeyEntry(
                [(.character("J"), .stepKeyToken(1)), (.character("K"), .stepKeyToken(-1))],
                help: "the pair's key token: row → key", hint: KeyHint("key", priority: 12),
                scope: .model),
            KeyEntry(
                [(.character("A"), .toggleEverywhere)], help: "divisor change in every head of every layer",
                hint: KeyHint("everywhere", priority: 16), scope: .model),
            KeyEntry(
                [(.character("T"), .openLab)], help: "training lab: divisors trained",
                hint: KeyHint("lab", priority: 15)),
            KeyEntry(
                [(.character("?"), .toggleHelp)], help: "this help", hint: KeyHint("help", priority: 0),
                modes: KeyEntry.picture.union([.lab])),
            KeyEntry([(.escape, .closeHelp)], help: "close this help", modes: [.help]),
            KeyEntry([(.escape, .toggleCompare)], help: "leave compare", modes: [.compare]),
            KeyEntry(
                [(.character("q"), .quit)], help: "quit", hint: KeyHint("quit", priority: 1),
                modes: KeyEntry.commandModes),
            // The heads grid.
            KeyEntry(
                [
                    (.left, .moveGridCursor(layers: 0, heads: -1)), (.right, .moveGridCursor(layers: 0, heads: 1)),
                    (.up, .moveGridCursor(layers: -1, heads: 0)), (.down, .moveGridCursor(layers: 1, heads: 0)),
                ], help: "move the cursor", hint: KeyHint("move", priority: 2), modes: [.grid]),
            KeyEntry(
                [(.enter, .openGridHead)], help: "show that head", hint: KeyHint("open", priority: 3), modes: [.grid]),
            KeyEntry(
                [(.character("s"), .stepGridStatistic(1)), (.character("S"), .stepGridStatistic(-1))],
                help: "statistic: H/ln m, max weight, from→to, grads, fp16",
                hint: KeyHint("statistic", priority: 4), modes: [.grid]),
            KeyEntry(
                [(.character("r"), .nextGridOrder)], help: "order: layer × head, ranked largest / smallest first",
                hint: KeyHint("order", priority: 5), modes: [.grid]),
            KeyEntry(
                [
                    (.character("+"), .nudgeDivisor(quarterOctaves: 1)),
                    (.character("-"), .nudgeDivisor(quarterOctaves: -1)),
                ],
                help: "divisor up / down: every head flattens or peaks", hint: KeyHint("divisor", priority: 4),
                parameters: [.divisor], modes: [.grid]),
            KeyEntry(
                [
                    (.character("1"), .choosePolicy(.sqrtDk)), (.character("2"), .choosePolicy(.dk)),
                    (.character("3"), .choosePolicy(.none)), (.character("0"), .standardDivisor),
                ], help: "policy √d_k / d_k / none, 0 the standard", hint: KeyHint("policy", priority: 6),
                parameters: [.policy], modes: [.grid]),
            KeyEntry(
                [(.character("g"), .toggleGrid), (.escape, .toggleGrid)], help: "close the grid",
                hint: KeyHint("close", priority: 0), modes: [.grid]),
            // The text editor: printable keys type, these edit.
            KeyEntry(
                [(.enter, .submitText)], help: "run the model on the text", hint: KeyHint("run", priority: 0),
                modes: [.editor]),
            KeyEntry([(.escape, .cancelEdit)], help: "cancel", hint: KeyHint("cancel", priority: 1), modes: [.editor]),
            KeyEntry(
                [
                    (.left, .edit(.moveLeft)), (.right, .edit(.moveRight)), (.home, .edit(.moveToStart)),
                    (.end, .edit(.moveToEnd)),
                ], help: "move in the text", modes: [.editor]),
            KeyEntry(
                [(.backspace, .edit(.deleteBackward)), (.delete, .edit(.deleteForward))], help: "delete a character",
                modes: [.editor]),
            KeyEntry(
                [(.control("u"), .edit(.clear)), (.control("w"), .edit(.deleteWordBackward))],
                help: "clear the line / delete a word", modes: [.editor]),
            KeyEntry(typing: { .edit(.insert(String($0))) }, help: "type", modes: [.editor]),
        ] + labEntries)

    /// The training lab's keys: each restarts the runs with its setting, except Space, `g` and Esc.
    static let labEntries = [
        KeyEntry(
            [(.left, .labDk(doublings: -1)), (.right, .labDk(doublings: 1))],
            or: [(.character("h"), .labDk(doublings: -1)), (.character("l"), .labDk(doublings: 1))],
            help: "d_k halve / double", hint: KeyHint("d_k", priority: 2), modes: [.lab]),
        KeyEntry(
            [(.up, .labLearningRate(halfOctaves: 1)), (.down, .labLearningRate(halfOctaves: -1))],
            help: "learning rate up / down ½ octave", hint: KeyHint("lr", priority: 3), modes: [.lab]),
        KeyEntry(
            [(.character("o"), .labOptimizer)], help: "optimiser SGD / Adam", hint: KeyHint("optimiser", priority: 4),
            modes: [.lab]),
        KeyEntry(
            [(.character("r"), .labSeed)], help: "new seed for data and weights",
            hint: KeyHint("seed", priority: 7), modes: [.lab]),
        KeyEntry(
            [(.character(" "), .labPause)], help: "pause / resume training", hint: KeyHint("pause", priority: 5),
            modes: [.lab]),
        KeyEntry(
            [
                (.character("1"), .choosePolicy(.sqrtDk)), (.character("2"), .choosePolicy(.dk)),
                (.character("3"), .choosePolicy(.none)), (.character("0"), .standardDivisor),
            ],
            or: [
                (.character("+"), .nudgeDivisor(quarterOctaves: 1)),
                (.character("-"), .nudgeDivisor(quarterOctaves: -1)),
            ],
            help: "your divisor: the 4th run",
            hint: KeyHint("yours", priority: 8), modes: [.lab]),
        KeyEntry(
            [(.character("g"), .labGrid)], help: "lr-transfer grid: final loss",
            hint: KeyHint("grid", priority: 6), modes: [.lab]),
        KeyEntry(
            [(.escape, .closeLab)], help: "back to the picture", hint: KeyHint("back", priority: 1), modes: [.lab]),
    ]

    /// What `key` does in `mode`: the first entry of the mode that binds it, else the mode's text
    /// entry for a printable character, else `.unboundKey`. A resize is the terminal's, not a key's.
    func action(for key: Key, in mode: InputMode) -> Action {
        if case let .resize(width, height) = key { return .outcome(.resize(width: width, height: height)) }
        return .key(keyAction(for: key, in: mode))
    }

    private func keyAction(for key: Key, in mode: InputMode) -> KeyAction {
        let current = entries.filter { $0.modes.contains(mode) }
        for entry in current {
            if let binding = entry.allBindings.first(where: { $0.key == key }) { return binding.action }
        }
        if case let .character(character) = key, let typing = current.lazy.compactMap(\.typing).first {
            return typing(character)
        }
        return .unboundKey
    }

    /// The entries that apply in `mode` to a picture of `source`, in the table's order.
    func entries(in mode: InputMode, for source: InputSource) -> [KeyEntry] {
        entries.filter { $0.modes.contains(mode) && $0.scope.applies(to: source) }
    }

    /// What the screen of `state` shows of the keys: its mode's hints and help rows for its
    /// inputs, and the picture's keys beside the parameters.
    func screen(for state: AppState) -> ScreenKeys {
        screen(in: state.mode, for: state.params.source)
    }

    /// The keys of `mode` for a picture of `source`, ready to draw. Entries with the same hint word
    /// share one hint ("1 2 3 0 policy"); the parameter column always lists the picture's keys.
    func screen(in mode: InputMode, for source: InputSource) -> ScreenKeys {
        let current = entries(in: mode, for: source)
        var hints: [ScreenKeys.Hint] = []
        for entry in current {
            guard let hint = entry.hint else { continue }
            if let index = hints.firstIndex(where: { $0.word == hint.word }) {
                let merged = hints[index].keys + entry.labels
                hints[index] = ScreenKeys.Hint(keys: merged, word: hint.word, priority: hints[index].priority)
            } else {
                hints.append(ScreenKeys.Hint(keys: entry.labels, word: hint.word, priority: hint.priority))
            }
        }
        var parameters: [String: [String]] = [:]
        for entry in entries(in: .view, for: source) {
            for row in entry.parameters { parameters[row.label, default: []] += entry.labels }
        }
        return ScreenKeys(hints: hints, help: current.map(\.helpRow), parameters: parameters)
    }

    /// The keys as `--help` lists them: one line per entry, keys then what they do; the picture's
    /// first (model-only ones marked), then the heads grid's and the text editor's under a heading.
    var helpText: String {
        let sections: [(heading: String?, modes: Set<InputMode>)] = [
            (nil, [.view, .compare, .help]), ("in the heads grid (g):", [.grid]),
            ("in the text editor (/):", [.editor]),
            ("in the training lab (T):", [.lab]),
        ]
        let width = entries.map(\.helpKeys.count).max() ?? 0
        return sections.map { section in
            let lines = entries.filter { !$0.modes.isDisjoint(with: section.modes) }.map { entry in
                "  " + entry.helpKeys + String(repeating: " ", count: width - entry.helpKeys.count + 2)
                    + entry.help + (entry.scope == .model ? " (with --model)" : "")
            }
            return ([section.heading].compactMap { $0 } + lines).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
