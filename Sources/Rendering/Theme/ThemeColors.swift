/// The named colours of a theme; each is one key of the `[colors]` table.
public struct ThemeColors: Hashable, Sendable {
    /// Painted behind everything; nil keeps the terminal's own background (`"none"` in TOML).
    public var background: RGB?
    /// Labels and values.
    public var text: RGB
    /// Secondary text: units, expected values, hints.
    var muted: RGB
    /// Panel titles.
    public var title: RGB
    /// Panel borders.
    var border: RGB
    /// Axis ticks and labels.
    public var axis: RGB
    /// Key names in the parameter panel, help overlay and footer.
    public var key: RGB
    /// Cells the causal mask hides (distinct from zero weight).
    public var masked: RGB
    /// Histogram bars.
    public var histogram: RGB
    /// The iid theory's normal curve over the logit histogram.
    public var theory: RGB
    /// Markers: 1/m on the weight histogram, the current divisor on the sweep curve.
    public var marker: RGB
    /// Sweep: normalized entropy and the score gradient.
    var curveEntropy: RGB
    var curveGradient: RGB
    /// Sweep: the softmax Jacobian norm, which peaks between flat and one-hot.
    var curveJacobian: RGB
    /// The status bar's text and background.
    var statusText: RGB
    var statusBackground: RGB
    /// Text on the regime badges.
    var badgeText: RGB
    /// Badge backgrounds for the three regimes.
    var badgeFlat: RGB
    var badgeBalanced: RGB
    var badgePeaked: RGB
    /// The selected query row's marker.
    public var selection: RGB

    /// Every colour, by key.
    public init(
        background: RGB?, text: RGB, muted: RGB, title: RGB, border: RGB, axis: RGB, key: RGB, masked: RGB,
        histogram: RGB, theory: RGB, marker: RGB, curveEntropy: RGB, curveGradient: RGB, curveJacobian: RGB,
        statusText: RGB,
        statusBackground: RGB, badgeText: RGB, badgeFlat: RGB, badgeBalanced: RGB, badgePeaked: RGB,
        selection: RGB
    ) {
        self.background = background
        self.text = text
        self.muted = muted
        self.title = title
        self.border = border
        self.axis = axis
        self.key = key
        self.masked = masked
        self.histogram = histogram
        self.theory = theory
        self.marker = marker
        self.curveEntropy = curveEntropy
        self.curveGradient = curveGradient
        self.curveJacobian = curveJacobian
        self.statusText = statusText
        self.statusBackground = statusBackground
        self.badgeText = badgeText
        self.badgeFlat = badgeFlat
        self.badgeBalanced = badgeBalanced
        self.badgePeaked = badgePeaked
        self.selection = selection
    }

    /// The TOML key of every colour except `background` (which also accepts `"none"`).
    static var keys: [(name: String, path: WritableKeyPath<ThemeColors, RGB>)] {
        [
            ("text", \.text), ("muted", \.muted), ("title", \.title), ("border", \.border), ("axis", \.axis),
            ("key", \.key), ("masked", \.masked), ("histogram", \.histogram), ("theory", \.theory),
            ("marker", \.marker), ("curve_entropy", \.curveEntropy), ("curve_gradient", \.curveGradient),
            ("curve_jacobian", \.curveJacobian),
            ("status_text", \.statusText), ("status_background", \.statusBackground), ("badge_text", \.badgeText),
            ("badge_flat", \.badgeFlat), ("badge_balanced", \.badgeBalanced), ("badge_peaked", \.badgePeaked),
            ("selection", \.selection),
        ]
    }
}
