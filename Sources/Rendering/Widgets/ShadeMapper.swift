/// Maps matrix values to colours or shade characters: weights by √p so the uniform 1/m stays
/// visible, logits linearly on a scale symmetric about 0.
struct ShadeMapper {
    let styles: ThemeStyles
    let logits: Bool
    /// Half range of the logit scale.
    let scale: Double

    /// Position on the ramp, 0…1.
    func position(_ value: Float) -> Double {
        logits ? 0.5 + 0.5 * Double(value) / scale : Double(max(0, value)).squareRoot()
    }

    func color(_ value: Float?) -> TerminalColor {
        guard let value else { return styles.maskedColor }
        return styles.rampColor(position(value), logits: logits)
    }

    func character(_ value: Float?) -> Character {
        guard let value else { return styles.glyphs.masked }
        let last = Glyphs.shades.count - 1
        let t = position(value)
        return Glyphs.shades[t > 0 ? Int(min(t, 1) * Double(last) + 0.5) : 0]
    }
}
