/// The xterm 256-colour palette and nearest-colour search in OKLab, for terminals without truecolor.
public enum XtermPalette {
    /// The 16 system colours as stock xterm shows them (terminals may remap these).
    public static let system: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// All 256 entries: the system colours, the 6×6×6 cube (16–231) and the gray ramp (232–255).
    public static let colors: [RGB] = {
        let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
        var all = system
        for r in levels { for g in levels { for b in levels { all.append(RGB(r, g, b)) } } }
        for step in 0..<24 {
            let gray = UInt8(8 + 10 * step)
            all.append(RGB(gray, gray, gray))
        }
        return all
    }()

    private static let labs: [OKLab] = colors.map(OKLab.init)

    /// The index of the palette entry nearest to `rgb` in OKLab among 16–255; the system colours
    /// are skipped because terminals remap them.
    public static func nearest256(_ rgb: RGB) -> UInt8 {
        nearest(OKLab(rgb), in: 16..<256)
    }

    /// The index (0–15) of the system colour nearest to `rgb` in OKLab.
    public static func nearest16(_ rgb: RGB) -> UInt8 {
        nearest(OKLab(rgb), in: 0..<16)
    }

    private static func nearest(_ target: OKLab, in indices: Range<Int>) -> UInt8 {
        var best = indices.lowerBound
        var bestDistance = Double.infinity
        for index in indices {
            let distance = labs[index].distanceSquared(to: target)
            if distance < bestDistance {
                bestDistance = distance
                best = index
            }
        }
        return UInt8(best)
    }
}
