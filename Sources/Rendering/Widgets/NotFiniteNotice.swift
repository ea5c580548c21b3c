import TensorFiles

/// What the view shows for a head whose values are not finite (NaN, ±infinity) instead of a picture
/// and a verdict: a NOT FINITE badge where the regime goes, and where the values arose, in words.
struct NotFiniteNotice: PanelContent {
    let title: String
    /// `AttentionResult.problem`: what is not finite and where it arose.
    let reason: String

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: title)
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.width >= 12, area.height >= 1 else { return }
        let x = area.x + 1
        frame.put("regime", x: x, y: area.y, style: styles.text)
        frame.put(
            " NOT FINITE ", x: x + 12, y: area.y, style: styles.text.with([.bold, .reverse]), limit: area.width - 13)
        let lines = Self.wrapped("no verdict: " + VisibleControls.escaped(reason), width: area.width - 2)
        for (index, line) in lines.prefix(max(0, area.height - 2)).enumerated() {
            frame.put(line, x: x, y: area.y + 2 + index, style: styles.text)
        }
    }

    /// `text` broken at spaces into lines of at most `width` cells (a longer word is cut).
    static func wrapped(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if DisplayWidth.of(candidate) <= width {
                line = candidate
            } else {
                if !line.isEmpty { lines.append(line) }
                line = String(DisplayWidth.prefix(word, fitting: width))
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
