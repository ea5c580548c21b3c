/// The keys of the screen on show, and one line per panel on screen saying how to read it, in a
/// box over the middle of the screen: the panel lines under the keys when the screen is tall
/// enough, else beside them, wrapped (80 × 24 keeps both).
struct HelpOverlay: PanelContent {
    let entries: [ScreenKeys.HelpRow]
    let panels: [PanelGuide.Line]

    /// The box it needs, centred in `area` (the screen above the status bar).
    func box(in area: Rect, styles: ThemeStyles) -> Rect {
        let keysWidth = keysWidth(styles: styles)
        if stacked(height: area.height) {
            let nameWidth = panels.map(\.panel.count).max() ?? 0
            let panelWidth = panels.map { nameWidth + 2 + $0.text.count }.max() ?? 0
            let rows = entries.count + (panels.isEmpty ? 0 : panels.count + 1)
            return area.centered(
                width: min(area.width, max(keysWidth, panelWidth) + 4), height: min(area.height, rows + 2))
        }
        let side = sideLines(room: sideRoom(boxWidth: area.width, styles: styles))
        return area.centered(width: area.width, height: min(area.height, max(entries.count, side.count) + 2))
    }

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: "keys and panels", note: "? or Esc closes")
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let keys = keys(styles: styles)
        let helps = helps(styles: styles)
        let keyWidth = keys.map(\.count).max() ?? 0
        for index in entries.indices where index < area.height {
            let y = area.y + index
            frame.put(keys[index], x: area.x + 1, y: y, style: styles.key)
            frame.put(
                helps[index], x: area.x + 3 + keyWidth, y: y, style: styles.text,
                limit: max(0, area.width - keyWidth - 3))
        }
        if stacked(height: area.height + 2) {
            let nameWidth = panels.map(\.panel.count).max() ?? 0
            for (index, line) in panels.enumerated() {
                let y = area.y + entries.count + 1 + index
                guard y < area.maxY else { break }
                frame.put(line.panel, x: area.x + 1, y: y, style: styles.key)
                let textX = area.x + 3 + nameWidth
                frame.put(text(line.text, styles), x: textX, y: y, style: styles.text, limit: max(0, area.maxX - textX))
            }
        } else {
            let x = area.x + keysWidth(styles: styles) + 4
            for (index, line) in sideLines(room: area.maxX - x - 1).enumerated() where index < area.height {
                let shown = text(line.text, styles)
                frame.put(shown, x: x, y: area.y + index, style: styles.text, limit: max(0, area.maxX - x))
                frame.put(String(shown.prefix(line.name)), x: x, y: area.y + index, style: styles.key)
            }
        }
    }

    /// Whether keys and panel lines fit under each other in a box at most `height` rows tall.
    private func stacked(height: Int) -> Bool {
        panels.isEmpty || entries.count + 1 + panels.count <= height - 2
    }

    /// The widest key line: keys, two spaces, what they do.
    private func keysWidth(styles: ThemeStyles) -> Int {
        (keys(styles: styles).map(\.count).max() ?? 0) + 2 + (helps(styles: styles).map(\.count).max() ?? 0)
    }

    /// Columns left for the panel lines beside the keys in a box `boxWidth` wide.
    private func sideRoom(boxWidth: Int, styles: ThemeStyles) -> Int {
        boxWidth - 2 - (keysWidth(styles: styles) + 4) - 1
    }

    /// "name: text" per panel, wrapped to `room`; `name` is how many characters to show as the name.
    private func sideLines(room: Int) -> [(text: String, name: Int)] {
        panels.flatMap { line in
            PanelGuide.wrap(line.panel + ": " + line.text, width: room).enumerated().map {
                ($0.element, $0.offset == 0 ? line.panel.count + 1 : 0)
            }
        }
    }

    private func text(_ text: String, _ styles: ThemeStyles) -> String {
        styles.ascii ? text.replacingArrows() : text
    }

    private func keys(styles: ThemeStyles) -> [String] {
        entries.map { styles.ascii ? $0.keys.replacingArrows() : $0.keys }
    }

    private func helps(styles: ThemeStyles) -> [String] {
        entries.map { styles.ascii ? $0.text.replacingArrows() : $0.text }
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
