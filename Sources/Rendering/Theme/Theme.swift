/// A colour theme: ramps for the heatmaps and colours for everything else (format: themes/README.md).
public struct Theme: Hashable, Sendable {
    /// The file's base name, which `--theme` and the `t` key use.
    public var name: String
    /// One line for `attnview themes`.
    public var summary: String
    /// Sequential ramp for attention weights, low to high.
    public var weights: ColorRamp
    /// Diverging ramp for logits: most negative, through 0 in the middle, to most positive.
    public var logits: ColorRamp
    /// Colours of everything that is not a ramp.
    public var colors: ThemeColors

    /// A theme from its parts (themes usually come from `ThemeCatalog.load`).
    public init(name: String, summary: String, weights: ColorRamp, logits: ColorRamp, colors: ThemeColors) {
        self.name = name
        self.summary = summary
        self.weights = weights
        self.logits = logits
        self.colors = colors
    }

    /// The built-in default (identical to the bundled `default.toml`): used when no theme file can
    /// be read, and the source of every key a theme file leaves out.
    public static let fallback = Theme(
        name: "default",
        summary: "dark terminals: deep blue to warm yellow, a dark-centred blue/red for logits",
        weights: ColorRamp(stops: [
            RGB(0x10, 0x12, 0x2e), RGB(0x23, 0x3a, 0x78), RGB(0x2a, 0x7b, 0xa8), RGB(0x4c, 0xbf, 0xa6),
            RGB(0xc6, 0xe6, 0x7a), RGB(0xff, 0xf6, 0xc2),
        ]),
        logits: ColorRamp(stops: [
            RGB(0x5a, 0xb0, 0xff), RGB(0x2a, 0x4f, 0x86), RGB(0x1e, 0x20, 0x2e), RGB(0x86, 0x32, 0x3c),
            RGB(0xff, 0x6e, 0x5e),
        ]),
        colors: ThemeColors(
            background: nil, text: RGB(0xc8, 0xd3, 0xf5), muted: RGB(0x6b, 0x75, 0xa0),
            title: RGB(0x82, 0xaa, 0xff), border: RGB(0x3b, 0x42, 0x61), axis: RGB(0x86, 0x8f, 0xbf),
            key: RGB(0xff, 0xc7, 0x77), masked: RGB(0x2a, 0x2c, 0x3a), histogram: RGB(0x65, 0xbc, 0xff),
            theory: RGB(0xff, 0x96, 0x6c), marker: RGB(0xc3, 0xe8, 0x8d), curveEntropy: RGB(0x65, 0xbc, 0xff),
            curveGradient: RGB(0xff, 0x96, 0x6c), curveJacobian: RGB(0xc0, 0x99, 0xff),
            statusText: RGB(0xc8, 0xd3, 0xf5),
            statusBackground: RGB(0x2f, 0x33, 0x4d), badgeText: RGB(0x1b, 0x1d, 0x2b),
            badgeFlat: RGB(0x65, 0xbc, 0xff), badgeBalanced: RGB(0xc3, 0xe8, 0x8d),
            badgePeaked: RGB(0xff, 0x75, 0x7f), selection: RGB(0xff, 0xc7, 0x77)))
}
