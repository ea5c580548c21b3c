/// The keys of the current mode, and one line per panel on screen saying how to read it, in a
/// box over the middle of the screen: the panel lines under the keys when the screen is tall
/// enough, else beside them, wrapped (80 × 24 keeps both).
struct HelpOverlay {
    let entries: [KeyHelp]
    let panels: [PanelGuide.Line]

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let keys = entries.map {
            (
                keys: styles.ascii ? $0.helpKeys.replacingArrows() : $0.helpKeys,
                help: styles.ascii ? $0.help.replacingArrows() : $0.help
            )
        }
        let keyWidth = keys.map(\.keys.count).max() ?? 0
        let keysWidth = keyWidth + 2 + (keys.map(\.help.count).max() ?? 0)
        let nameWidth = panels.map(\.panel.count).max() ?? 0
        let panelWidth = panels.map { nameWidth + 2 + $0.text.count }.max() ?? 0
        let stacked = panels.isEmpty || keys.count + 1 + panels.count <= area.height - 2
        let width: Int
        let height: Int
        var sideLines: [(text: String, name: Int)] = []
        if stacked {
            width = min(area.width, max(keysWidth, panelWidth) + 4)
            height = min(area.height, keys.count + (panels.isEmpty ? 0 : panels.count + 1) + 2)
        } else {
            width = area.width
            // Beside the keys: "name: text" wrapped; `name` counts the characters shown as the name.
            let room = width - 2 - (keysWidth + 4) - 1
            for line in panels {
                for (index, piece) in PanelGuide.wrap(line.panel + ": " + line.text, width: room).enumerated() {
                    sideLines.append((piece, index == 0 ? line.panel.count + 1 : 0))
                }
            }
            height = min(area.height, max(keys.count, sideLines.count) + 2)
        }
        let box = area.centered(width: width, height: height)
        frame.fill(box, with: styles.canvas.cell(" "))
        let inner = Panel(title: "keys and panels", note: "? closes").draw(into: &frame, area: box, styles: styles)
        for (index, row) in keys.enumerated() where index < inner.height {
            frame.put(row.keys, x: inner.x + 1, y: inner.y + index, style: styles.key)
            let helpX = inner.x + 3 + keyWidth
            frame.put(row.help, x: helpX, y: inner.y + index, style: styles.text, limit: max(0, inner.maxX - helpX))
        }
        if stacked {
            for (index, line) in panels.enumerated() {
                let y = inner.y + keys.count + 1 + index
                guard y < inner.maxY else { break }
                frame.put(line.panel, x: inner.x + 1, y: y, style: styles.key)
                let textX = inner.x + 3 + nameWidth
                let text = styles.ascii ? line.text.replacingArrows() : line.text
                frame.put(text, x: textX, y: y, style: styles.text, limit: max(0, inner.maxX - textX))
            }
        } else {
            let x = inner.x + keysWidth + 4
            for (index, line) in sideLines.enumerated() where index < inner.height {
                let text = styles.ascii ? line.text.replacingArrows() : line.text
                frame.put(text, x: x, y: inner.y + index, style: styles.text, limit: max(0, inner.maxX - x))
                frame.put(String(text.prefix(line.name)), x: x, y: inner.y + index, style: styles.key)
            }
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
