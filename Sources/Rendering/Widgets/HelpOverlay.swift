/// The keys of the current mode in a box over the middle of the screen.
struct HelpOverlay: PanelContent {
    let entries: [KeyHelp]

    /// The box it needs, centred in `area` (the screen above the status bar).
    func box(in area: Rect, styles: ThemeStyles) -> Rect {
        let keyWidth = keys(styles: styles).map(\.count).max() ?? 0
        let helpWidth = helps(styles: styles).map(\.count).max() ?? 0
        return area.centered(
            width: min(area.width, keyWidth + helpWidth + 7), height: min(area.height, entries.count + 2))
    }

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: "keys", note: "? or Esc closes")
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let keys = keys(styles: styles)
        let helps = helps(styles: styles)
        let keyWidth = keys.map(\.count).max() ?? 0
        for index in entries.indices where index < area.height {
            let y = area.y + index
            frame.put(keys[index], x: area.x + 1, y: y, style: styles.key)
            frame.put(
                helps[index], x: area.x + 3 + keyWidth, y: y, style: styles.text, limit: area.width - keyWidth - 3)
        }
    }

    private func keys(styles: ThemeStyles) -> [String] {
        entries.map { styles.ascii ? $0.helpKeys.replacingArrows() : $0.helpKeys }
    }

    private func helps(styles: ThemeStyles) -> [String] {
        entries.map { styles.ascii ? $0.help.replacingArrows() : $0.help }
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
            case "±": out += "+/-"
            default: out.append(character)
            }
        }
        return out
    }
}
