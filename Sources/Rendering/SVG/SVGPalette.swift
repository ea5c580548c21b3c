/// The 24-bit colours an SVG snapshot paints with: a terminal's "default" colours and palette
/// indices become the theme's own colours, so a picture looks the same in every viewer whatever
/// depth the frame was drawn at.
public struct SVGPalette: Hashable, Sendable {
    /// What `.default` text is drawn in.
    public var foreground: RGB
    /// The canvas, and what `.default` backgrounds are filled with.
    public var background: RGB

    /// A palette with these default colours.
    public init(foreground: RGB, background: RGB) {
        self.foreground = foreground
        self.background = background
    }

    /// The theme's text colour on the theme's canvas. Themes that leave the canvas to the terminal
    /// (`background = "none"`) are all made for dark terminals, so they get `darkCanvas`.
    public init(theme: Theme) {
        self.init(foreground: theme.colors.text, background: theme.colors.background ?? Self.darkCanvas)
    }

    /// A dark-terminal background close to the default theme's status bar, so its colours keep
    /// the contrast they were chosen for.
    static let darkCanvas = RGB(0x1e, 0x20, 0x30)

    /// The colour of `color` used as a foreground (`isForeground`) or a background.
    public func resolve(_ color: TerminalColor, isForeground: Bool) -> RGB {
        switch color {
        case .default: isForeground ? foreground : background
        case .indexed(let index): XtermPalette.colors[Int(index)]
        case let .rgb(r, g, b): RGB(r, g, b)
        }
    }
}

extension RGB {
    /// This colour moved `eighths`/8 of the way towards `other`: shades (░▒▓) and dim text, drawn
    /// as solid colours so no viewer has to support opacity.
    func mixed(with other: RGB, eighths: Int) -> RGB {
        func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Int(a) * (8 - eighths) + Int(b) * eighths + 4) / 8)
        }
        return RGB(channel(r, other.r), channel(g, other.g), channel(b, other.b))
    }
}
