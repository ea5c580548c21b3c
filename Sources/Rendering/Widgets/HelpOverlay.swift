/// Every key of `KeyGuide.all` in a box over the middle of the screen.
struct HelpOverlay {
    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let keys = KeyGuide.all.map { styles.ascii ? Self.asciiKeys($0.keys) : $0.keys }
        let keyWidth = keys.map(\.count).max() ?? 0
        let actionWidth = KeyGuide.all.map(\.action.count).max() ?? 0
        let width = min(area.width, keyWidth + actionWidth + 7)
        let height = min(area.height, KeyGuide.all.count + 2)
        let box = area.centered(width: width, height: height)
        frame.fill(box, with: styles.canvas.cell(" "))
        let inner = Panel(title: "keys", note: "? closes").draw(into: &frame, area: box, styles: styles)
        for (index, help) in KeyGuide.all.enumerated() where index < inner.height {
            let y = inner.y + index
            frame.put(keys[index], x: inner.x + 1, y: y, style: styles.key)
            frame.put(
                styles.ascii ? help.action.replacingArrows() : help.action, x: inner.x + 3 + keyWidth, y: y,
                style: styles.text, limit: inner.width - keyWidth - 3)
        }
    }

    /// The key names without arrows, for `--ascii`.
    static func asciiKeys(_ keys: String) -> String {
        keys.replacingArrows()
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
