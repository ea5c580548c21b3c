/// One line per panel for the help overlay: what the panel shows and how to read it, so `?`
/// answers "what am I looking at?" as well as "which key does what?". Only panels on screen at the
/// current size are listed.
enum PanelGuide {
    struct Line: Equatable {
        /// The panel's name as its title says it.
        let panel: String
        let text: String
    }

    /// What the screen draws, where it differs between inputs: the heatmap's H / ln m strip (a
    /// model's one-row-per-token picture has none), tokens in the row panel, the iid theory.
    struct Drawn: Equatable {
        var strip = true
        var tokens = false
        var theory = true
    }

    /// The lines for the panels `layout` places, in reading order, each true of what is `drawn`.
    static func lines(layout: ScreenLayout, glyphs: Glyphs, drawn: Drawn = Drawn()) -> [Line] {
        var lines = [Line(panel: "heatmap", text: "rows = queries, columns = keys; brighter = more weight")]
        if drawn.strip {
            lines.append(Line(panel: "H/ln m strip", text: "per row: short bar = one key takes all, full = uniform"))
        }
        if layout.inspector != nil {
            lines.append(
                drawn.tokens
                    ? Line(panel: "row panel", text: "the selected token's keys, heaviest first, on a 0–1 scale")
                    : Line(panel: "row panel", text: "the selected row's weight on each key; title: its max"))
        }
        lines += [
            drawn.theory
                ? Line(panel: "statistics", text: "measured vs the iid theory; badge FLAT / BALANCED / PEAKED")
                : Line(panel: "statistics", text: "means over the rows; badge FLAT / BALANCED / PEAKED"),
            Line(panel: "parameters", text: "what made the picture, with the key that changes each"),
            Line(
                panel: "logits",
                text: drawn.theory
                    ? "histogram of QKᵀ/s, theory curve \(glyphs.curveLine); wider axis = more peaked"
                    : "histogram of QKᵀ/s, its σ in the title; wider axis = more peaked"),
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
