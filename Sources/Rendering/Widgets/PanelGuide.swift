/// One line per panel for the help overlay: what the panel shows and how to read it, so `?`
/// answers "what am I looking at?" as well as "which key does what?". Only panels on screen at the
/// current size are listed.
enum PanelGuide {
    struct Line: Equatable {
        /// The panel's name as its title says it.
        let panel: String
        let text: String
    }

    /// The lines for the panels `layout` places, in reading order.
    static func lines(layout: ScreenLayout, glyphs: Glyphs) -> [Line] {
        var lines = [
            Line(panel: "heatmap", text: "rows = queries, columns = keys; brighter = more weight"),
            Line(panel: "H/ln m strip", text: "per row: short bar = one key takes all, full = uniform"),
        ]
        if layout.inspector != nil {
            lines.append(Line(panel: "row panel", text: "the selected row's weight on each key; title: its max"))
        }
        lines += [
            Line(panel: "statistics", text: "measured vs the iid theory; badge FLAT / BALANCED / PEAKED"),
            Line(panel: "parameters", text: "what made the picture, with the key that changes each"),
            Line(
                panel: "logits",
                text: "histogram of QKᵀ/s, theory curve \(glyphs.curveLine); wider axis = more peaked"),
            Line(
                panel: "weights, log10", text: "how many weights of each size; \(glyphs.markerLine) marks uniform 1/m"),
        ]
        if layout.sweep != nil {
            lines.append(Line(panel: "divisor sweep", text: "entropy and gradient if you moved s; ▲ marks now"))
        }
        return lines
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
            while line.count > width {
                lines.append(String(line.prefix(width)))
                line = String(line.dropFirst(width))
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
