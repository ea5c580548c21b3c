import TensorFiles

/// The bottom line: the status message (or a summary of the view) on the left, and on the right
/// as many key hints as the rest of the line holds — always those of priority 0 and 1 (`? help`,
/// `q quit`).
struct StatusBar: Widget {
    let message: String
    /// The hints of the keys that apply now, in the order they are shown.
    let hints: [ScreenKeys.Hint]

    /// Draws on the first line of `area`.
    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.height >= 1 else { return }
        let row = area.y, width = area.width
        frame.fill(Rect(x: area.x, y: row, width: width, height: 1), with: styles.status.cell(" "))
        // Messages quote file and theme names: their control characters are shown escaped.
        let shownMessage = String(DisplayWidth.prefix(VisibleControls.escaped(message), fitting: max(0, width - 2)))
        // Cells, not characters: a wide token (東京) in the message takes two each.
        let room = width - 2 - DisplayWidth.of(shownMessage) - 3
        var kept = Set<Int>()
        var used = 0
        let keys = hints.map(\.compactKeys)
        for (index, hint) in hints.enumerated().sorted(by: { $0.element.priority < $1.element.priority }) {
            let cost = keys[index].count + 1 + hint.word.count + 2
            guard used + cost <= room else { break }
            kept.insert(index)
            used += cost
        }
        // The message gives way only to the essential hints.
        let essential = hints.enumerated().filter { $0.element.priority <= 1 }.reduce(0) {
            $0 + keys[$1.offset].count + $1.element.word.count + 3
        }
        if kept.isEmpty, width - 2 - essential > 10 {
            kept = Set(hints.indices.filter { hints[$0].priority <= 1 })
            used = essential
        }
        frame.put(
            shownMessage, x: area.x + 1, y: row, style: styles.status, limit: width - 2 - (kept.isEmpty ? 0 : used + 1))
        var x = area.x + width - 1 - used + 2
        for index in hints.indices where kept.contains(index) {
            let hint = hints[index]
            x = frame.put(keys[index], x: x, y: row, style: styles.status.with(.bold))
            x = frame.put(" " + hint.word + "  ", x: x, y: row, style: styles.status)
        }
    }
}
