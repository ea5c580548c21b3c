/// The bottom line: the status message (or a summary of the view) on the left, and on the right
/// as many key hints as the rest of the line holds — always `? help` and `q quit`.
struct StatusBar {
    let message: String

    /// Key hints in the order they are shown, each with its priority (lower is kept first).
    static let hints: [(keys: String, action: String, priority: Int)] = [
        ("←→", "d_k", 2), ("↑↓", "divisor", 3), ("1 2 3 0", "policy", 13), ("n N", "tokens", 11), ("r", "seed", 10),
        ("c", "causal", 9), ("[ ]", "rho", 12), ("v", "view", 4), ("j k", "row", 5), ("t", "theme", 6),
        ("p", "play", 7), ("s", "save", 8), ("?", "help", 0), ("q", "quit", 1),
    ]

    func draw(into frame: inout Frame, row: Int, width: Int, styles: ThemeStyles) {
        frame.fill(Rect(x: 0, y: row, width: width, height: 1), with: styles.status.cell(" "))
        let shownMessage = String(message.prefix(max(0, width - 2)))
        let room = width - 2 - shownMessage.count - 3
        var kept = Set<Int>()
        var used = 0
        for (index, hint) in Self.hints.enumerated().sorted(by: { $0.element.priority < $1.element.priority }) {
            let cost = hint.keys.count + 1 + hint.action.count + 2
            guard used + cost <= room else { break }
            kept.insert(index)
            used += cost
        }
        // The message gives way only to `? help  q quit`.
        let essential = Self.hints.enumerated().filter { $0.element.priority <= 1 }.reduce(0) {
            $0 + $1.element.keys.count + $1.element.action.count + 3
        }
        if kept.isEmpty, width - 2 - essential > 10 {
            kept = Set(Self.hints.indices.filter { Self.hints[$0].priority <= 1 })
            used = essential
        }
        frame.put(shownMessage, x: 1, y: row, style: styles.status, limit: width - 2 - (kept.isEmpty ? 0 : used + 1))
        var x = width - 1 - used + 2
        for index in Self.hints.indices where kept.contains(index) {
            let hint = Self.hints[index]
            x = frame.put(hint.keys, x: x, y: row, style: styles.status.with(.bold))
            x = frame.put(" " + hint.action + "  ", x: x, y: row, style: styles.status)
        }
    }
}
