/// The characters the widgets draw with: Unicode box drawing and blocks, or plain ASCII for
/// fonts and terminals that lack them (`--ascii`).
struct Glyphs: Sendable {
    let topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: Character
    /// Bar tops from one eighth to full; ASCII rounds to whole cells.
    let eighths: [Character]
    let masked: Character
    let markerLine: Character
    let curveLine: Character
    let up, down, left, right: String

    static let unicode = Glyphs(
        topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│",
        eighths: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], masked: "╱", markerLine: "┊", curveLine: "─",
        up: "↑", down: "↓", left: "←", right: "→")

    static let ascii = Glyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        eighths: [" ", " ", " ", "#", "#", "#", "#", "#"], masked: "/", markerLine: ":", curveLine: "-",
        up: "^", down: "v", left: "<-", right: "->")

    /// How this glyph set draws a key label: arrows as `up`…`right`, anything else as it is.
    func arrow(_ label: String) -> String {
        switch label {
        case "↑": up
        case "↓": down
        case "←": left
        case "→": right
        default: label
        }
    }

    /// Whether a key label is a single arrow (arrows pair up tightly in the status bar: "←→").
    static func isArrow(_ label: String) -> Bool {
        ["←", "→", "↑", "↓"].contains(label)
    }

    /// The no-colour heatmap's shade ramp, from zero to the largest value (docs/themes.md, "Colour").
    static let shades: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
}
