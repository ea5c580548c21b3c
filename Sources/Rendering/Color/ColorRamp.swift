/// A colour map: evenly spaced stops interpolated in OKLab into a 256-entry lookup table, so
/// mapping a value to a colour during drawing is one index.
public struct ColorRamp: Hashable, Sendable {
    /// Entries in the lookup table.
    static let resolution = 256

    /// The stops as written in the theme, low end first.
    public let stops: [RGB]
    /// `resolution` colours from the first stop to the last.
    public let table: [RGB]

    /// A ramp through `stops` (at least one; a single stop gives a constant ramp).
    public init(stops: [RGB]) {
        let stops = stops.isEmpty ? [RGB(0, 0, 0)] : stops
        self.stops = stops
        let labs = stops.map(OKLab.init)
        let segments = Double(max(labs.count - 1, 1))
        table = (0..<ColorRamp.resolution).map { index in
            guard labs.count > 1 else { return stops[0] }
            let position = Double(index) / Double(ColorRamp.resolution - 1) * segments
            let lower = min(Int(position), labs.count - 2)
            return labs[lower].mix(labs[lower + 1], position - Double(lower)).rgb
        }
    }

    /// The colour at `t` in 0…1 (clamped).
    public func color(at t: Double) -> RGB {
        table[ColorRamp.index(t)]
    }

    /// The lookup-table index for `t` in 0…1, clamped; NaN maps to 0, infinities to the ends.
    static func index(_ t: Double) -> Int {
        guard t > 0 else { return 0 }
        guard t < 1 else { return resolution - 1 }
        return Int(t * Double(resolution - 1) + 0.5)
    }
}
