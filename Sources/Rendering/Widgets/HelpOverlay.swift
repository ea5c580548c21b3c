/// The keys of the current mode in a box over the middle of the screen.
struct HelpOverlay {
    let entries: [KeyHelp]

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let keys = entries.map { styles.ascii ? $0.helpKeys.replacingArrows() : $0.helpKeys }
        let keyWidth = keys.map(\.count).max() ?? 0
        let actionWidth = entries.map(\.help.count).max() ?? 0
        let width = min(area.width, keyWidth + actionWidth + 7)
        let height = min(area.height, entries.count + 2)
        let box = area.centered(width: width, height: height)
        frame.fill(box, with: styles.canvas.cell(" "))
        let inner = Panel(title: "keys", note: "? closes").draw(into: &frame, area: box, styles: styles)
        for (index, entry) in entries.enumerated() where index < inner.height {
            let y = inner.y + index
            frame.put(keys[index], x: inner.x + 1, y: y, style: styles.key)
            frame.put(
                styles.ascii ? entry.help.replacingArrows() : entry.help, x: inner.x + 3 + keyWidth, y: y,
                style: styles.text, limit: inner.width - keyWidth - 3)
        }
    }
}

extension String {
    /// Arrows spelled in ASCII, for `--ascii`.
    func replacingArrows() -> String {
        var out = ""
        for character in self {
            switch character {
            case "←": out += "Left"
            case "→": out += "Right"
            case "↑": out += "Up"
            case "↓": out += "Down"
            case "√": out += "sqrt "
            case "−": out += "-"
            default: out.append(character)
            }
        }
        return out
    }
}
