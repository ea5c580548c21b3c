/// What `attnview themes` prints for a theme: its ramps as strips of colour (or of the shade
/// ramp without colour), ready to write to a terminal.
public enum ThemePreview {
    /// `ramp` as `width` cells of ANSI-coloured half blocks at `depth` (two ramp samples per
    /// cell); without colour, the shade ramp ` .:-=+*#%@` (weights) stretched to `width`.
    public static func strip(_ ramp: ColorRamp, depth: ColorDepth, width: Int, ascii: Bool = false) -> String {
        let width = max(1, width)
        var frame = Frame(width: width, height: 1)
        for column in 0..<width {
            let upper = Double(2 * column) / Double(max(2 * width - 1, 1))
            let lower = Double(2 * column + 1) / Double(max(2 * width - 1, 1))
            if depth == .none {
                let last = Glyphs.shades.count - 1
                frame[column, 0] = Cell(Glyphs.shades[Int((upper + lower) / 2 * Double(last) + 0.5)])
            } else if ascii {
                let color = depth.resolve(ramp.color(at: (upper + lower) / 2))
                frame[column, 0] = Cell(" ", background: color)
            } else {
                frame[column, 0] = Cell("▀", foreground: depth.resolve(ramp.color(at: upper)), background: depth.resolve(ramp.color(at: lower)))
            }
        }
        return String(frame.ansiText().dropLast())
    }

    /// One line per theme: name, weights strip, logits strip, summary.
    public static func line(for theme: Theme, depth: ColorDepth, stripWidth: Int = 24, nameWidth: Int = 14, ascii: Bool = false) -> String {
        let name = theme.name.count >= nameWidth ? theme.name + " " : theme.name + String(repeating: " ", count: nameWidth - theme.name.count)
        return name + strip(theme.weights, depth: depth, width: stripWidth, ascii: ascii) + "  "
            + strip(theme.logits, depth: depth, width: stripWidth, ascii: ascii) + "  " + theme.summary
    }
}
