import Rendering

/// Keys as the app hands them to the renderer (a copy of its view's key table, so these tests need
/// not link the executable): the app's own keys are drawn by the golden screens in attnviewTests.
extension ScreenKeys {
    /// The random picture's keys; with `help`, the open help's (Esc closes it); with `model`, a model's.
    static func sample(help: Bool = false, model: Bool = false) -> ScreenKeys {
        var keys = model ? modelKeys : randomKeys
        if help, let quit = keys.help.firstIndex(where: { $0.keys == "q" }) {
            keys.help.insert(HelpRow(keys: "Esc", text: "close this help"), at: quit)
        }
        return keys
    }

    private static let randomKeys = ScreenKeys(
        hints: [
            Hint(keys: ["←", "→"], word: "d_k", priority: 2),
            Hint(keys: ["↑", "↓"], word: "divisor", priority: 3),
            Hint(keys: ["1", "2", "3", "0"], word: "policy", priority: 13),
            Hint(keys: ["n", "N"], word: "tokens", priority: 11),
            Hint(keys: ["r"], word: "seed", priority: 10),
            Hint(keys: ["c"], word: "causal", priority: 9),
            Hint(keys: ["[", "]"], word: "rho", priority: 12),
            Hint(keys: ["v"], word: "view", priority: 4),
            Hint(keys: ["b"], word: "compare", priority: 14),
            Hint(keys: ["j", "k"], word: "row", priority: 5),
            Hint(keys: ["e"], word: "sharpest", priority: 14),
            Hint(keys: ["E"], word: "flattest", priority: 15),
            Hint(keys: ["t"], word: "theme", priority: 6),
            Hint(keys: ["p"], word: "play", priority: 7),
            Hint(keys: ["s"], word: "save", priority: 8),
            Hint(keys: ["T"], word: "lab", priority: 15),
            Hint(keys: ["?"], word: "help", priority: 0),
            Hint(keys: ["q"], word: "quit", priority: 1),
        ],
        help: [
            HelpRow(keys: "← → h l", text: "d_k halve / double"),
            HelpRow(keys: "< > Shift+← →", text: "d_k − 1 / + 1"),
            HelpRow(keys: "↑ ↓", text: "divisor up / down a quarter octave"),
            HelpRow(keys: "1 2 3", text: "policy √d_k / d_k / none (alpha 1)"),
            HelpRow(keys: "0", text: "back to the standard √d_k"),
            HelpRow(keys: "n N", text: "fewer / more tokens"),
            HelpRow(keys: "r", text: "new random seed"),
            HelpRow(keys: "c", text: "causal mask on / off"),
            HelpRow(keys: "[ ]", text: "rho down / up"),
            HelpRow(keys: "v", text: "heatmap of weights / logits"),
            HelpRow(keys: "b", text: "compare with the standard √d_k"),
            HelpRow(keys: "j k Tab", text: "next / previous query row"),
            HelpRow(keys: "e", text: "jump to the sharpest row"),
            HelpRow(keys: "E", text: "jump to the flattest row"),
            HelpRow(keys: "t", text: "next theme"),
            HelpRow(keys: "p", text: "play: sweep the divisor ±3 octaves"),
            HelpRow(keys: "s S", text: "save (format: f), S with JSON"),
            HelpRow(keys: "f", text: "snapshot format text / svg / ansi"),
            HelpRow(keys: "T", text: "training lab: divisors trained"),
            HelpRow(keys: "?", text: "this help"),
            HelpRow(keys: "q", text: "quit"),
        ],
        parameters: [
            "alpha": ["↑", "↓"],
            "causal": ["c"],
            "d_k": ["←", "→"],
            "divisor s": ["↑", "↓"],
            "policy": ["1", "2", "3", "0"],
            "rho": ["[", "]"],
            "seed": ["r"],
            "theme": ["t"],
            "tokens": ["n", "N"],
        ])

    private static let modelKeys = ScreenKeys(
        hints: [
            Hint(keys: ["←", "→"], word: "d_k", priority: 2),
            Hint(keys: ["↑", "↓"], word: "divisor", priority: 3),
            Hint(keys: ["1", "2", "3", "0"], word: "policy", priority: 13),
            Hint(keys: ["c"], word: "causal", priority: 9),
            Hint(keys: ["v"], word: "view", priority: 4),
            Hint(keys: ["b"], word: "compare", priority: 14),
            Hint(keys: ["j", "k"], word: "row", priority: 5),
            Hint(keys: ["e"], word: "sharpest", priority: 14),
            Hint(keys: ["E"], word: "flattest", priority: 15),
            Hint(keys: ["t"], word: "theme", priority: 6),
            Hint(keys: ["p"], word: "play", priority: 7),
            Hint(keys: ["s"], word: "save", priority: 8),
            Hint(keys: [".", ","], word: "head", priority: 2),
            Hint(keys: ["PgDn", "PgUp"], word: "layer", priority: 3),
            Hint(keys: ["g"], word: "grid", priority: 4),
            Hint(keys: ["/"], word: "text", priority: 5),
            Hint(keys: ["z"], word: "zoom", priority: 6),
            Hint(keys: ["T"], word: "lab", priority: 15),
            Hint(keys: ["?"], word: "help", priority: 0),
            Hint(keys: ["q"], word: "quit", priority: 1),
        ],
        help: [
            HelpRow(keys: "← → h l", text: "d_k halve / double"),
            HelpRow(keys: "< > Shift+← →", text: "d_k − 1 / + 1"),
            HelpRow(keys: "↑ ↓", text: "divisor up / down a quarter octave"),
            HelpRow(keys: "1 2 3", text: "policy √d_k / d_k / none (alpha 1)"),
            HelpRow(keys: "0", text: "back to the standard √d_k"),
            HelpRow(keys: "c", text: "causal mask on / off"),
            HelpRow(keys: "v", text: "heatmap of weights / logits"),
            HelpRow(keys: "b", text: "compare with the standard √d_k"),
            HelpRow(keys: "j k Tab", text: "next / previous query row"),
            HelpRow(keys: "e", text: "jump to the sharpest row"),
            HelpRow(keys: "E", text: "jump to the flattest row"),
            HelpRow(keys: "t", text: "next theme"),
            HelpRow(keys: "p", text: "play: sweep the divisor ±3 octaves"),
            HelpRow(keys: "s S", text: "save (format: f), S with JSON"),
            HelpRow(keys: "f", text: "snapshot format text / svg / ansi"),
            HelpRow(keys: ". ,", text: "next / previous head"),
            HelpRow(keys: "PgDn PgUp", text: "next / previous layer"),
            HelpRow(keys: "g", text: "heads grid: every layer × head at this divisor"),
            HelpRow(keys: "/", text: "edit the text the model reads"),
            HelpRow(keys: "z", text: "zoom: one row per token, following the row"),
            HelpRow(keys: "T", text: "training lab: divisors trained"),
            HelpRow(keys: "?", text: "this help"),
            HelpRow(keys: "q", text: "quit"),
        ],
        parameters: [
            "alpha": ["↑", "↓"],
            "causal": ["c"],
            "d_k": ["←", "→"],
            "divisor s": ["↑", "↓"],
            "head": [".", ","],
            "layer": ["PgDn", "PgUp"],
            "policy": ["1", "2", "3", "0"],
            "theme": ["t"],
            "tokens": ["/"],
        ])
}
