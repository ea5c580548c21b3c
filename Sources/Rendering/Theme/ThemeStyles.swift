import AttentionCore

/// A theme resolved for one colour depth and glyph set: the cell styles and ramp lookup tables
/// widgets draw with. Built once per renderer so drawing a frame never quantizes a colour.
struct ThemeStyles: Sendable {
    let depth: ColorDepth
    /// ASCII only: no half blocks, box drawing, eighth blocks or arrows.
    let ascii: Bool
    /// Whole frame's canvas (terminal default unless the theme paints one).
    let canvas: CellStyle
    let text: CellStyle
    let muted: CellStyle
    let title: CellStyle
    let border: CellStyle
    let axis: CellStyle
    let key: CellStyle
    let histogram: CellStyle
    let theory: CellStyle
    let marker: CellStyle
    let curveEntropy: CellStyle
    let curveGradient: CellStyle
    let curveJacobian: CellStyle
    let selection: CellStyle
    let status: CellStyle
    /// Foreground of pattern glyphs on masked cells, background = `maskedColor`.
    let maskedPattern: CellStyle
    let maskedColor: TerminalColor
    let badges: [Regime: CellStyle]
    /// `ColorRamp.resolution` terminal colours per ramp.
    let weightColors: [TerminalColor]
    let logitColors: [TerminalColor]

    var hasColor: Bool { depth != .none }

    init(theme: Theme, depth: ColorDepth, ascii: Bool) {
        self.depth = depth
        self.ascii = ascii
        let colors = theme.colors
        let background = colors.background.map(depth.resolve) ?? .default
        func style(_ rgb: RGB, _ attributes: CellAttributes = [], noColor: CellAttributes = []) -> CellStyle {
            depth == .none
                ? CellStyle(attributes: attributes.union(noColor))
                : CellStyle(foreground: depth.resolve(rgb), background: background, attributes: attributes)
        }
        canvas = style(colors.text)
        text = style(colors.text)
        muted = style(colors.muted, noColor: .dim)
        title = style(colors.title, .bold)
        border = style(colors.border, noColor: .dim)
        axis = style(colors.axis)
        key = style(colors.key, .bold)
        histogram = style(colors.histogram)
        theory = style(colors.theory, .bold)
        marker = style(colors.marker, .bold)
        curveEntropy = style(colors.curveEntropy)
        curveGradient = style(colors.curveGradient)
        curveJacobian = style(colors.curveJacobian)
        selection = style(colors.selection, .bold)
        maskedColor = depth == .none ? .default : depth.resolve(colors.masked)
        maskedPattern = CellStyle(
            foreground: depth == .none ? .default : depth.resolve(colors.muted), background: maskedColor)
        if depth == .none {
            status = CellStyle(attributes: .reverse)
            badges = Dictionary(
                uniqueKeysWithValues: Regime.allCases.map { ($0, CellStyle(attributes: [.reverse, .bold])) })
            weightColors = []
            logitColors = []
        } else {
            status = CellStyle(
                foreground: depth.resolve(colors.statusText), background: depth.resolve(colors.statusBackground))
            let badgeText = depth.resolve(colors.badgeText)
            badges = [
                .flat: CellStyle(foreground: badgeText, background: depth.resolve(colors.badgeFlat), attributes: .bold),
                .balanced: CellStyle(
                    foreground: badgeText, background: depth.resolve(colors.badgeBalanced), attributes: .bold),
                .peaked: CellStyle(
                    foreground: badgeText, background: depth.resolve(colors.badgePeaked), attributes: .bold),
            ]
            weightColors = Self.resolve(theme.weights, depth)
            logitColors = Self.resolve(theme.logits, depth)
        }
    }

    /// Resolves each lookup-table entry once; neighbouring entries often share a palette colour.
    private static func resolve(_ ramp: ColorRamp, _ depth: ColorDepth) -> [TerminalColor] {
        var cache: [RGB: TerminalColor] = [:]
        return ramp.table.map { rgb in
            if let known = cache[rgb] { return known }
            let color = depth.resolve(rgb)
            cache[rgb] = color
            return color
        }
    }

    /// The ramp colour for `t` in 0…1.
    func rampColor(_ t: Double, logits: Bool) -> TerminalColor {
        let table = logits ? logitColors : weightColors
        return table.isEmpty ? .default : table[ColorRamp.index(t)]
    }

    /// The glyphs of this style (box drawing or ASCII).
    var glyphs: Glyphs { ascii ? .ascii : .unicode }
}
