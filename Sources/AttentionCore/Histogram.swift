/// Counts of values in equal-width bins over [lower, upper]; on a log10 axis for weights.
public struct Histogram: Equatable, Sendable, Codable {
    /// Left edge of the first bin (log10 of the value when `log10Axis`).
    public let lower: Double
    /// Right edge of the last bin, included in it.
    public let upper: Double
    /// Values per bin, left to right.
    public var counts: [Int]
    /// Values below `lower` (for weights: below 1e-8, including exact zeros).
    public var underflow: Int
    /// Values above `upper`.
    public var overflow: Int
    /// Bins are over log10(value) rather than value.
    public let log10Axis: Bool

    /// An empty histogram of `bins` equal bins over [lower, upper].
    public init(lower: Double, upper: Double, bins: Int, log10Axis: Bool) {
        self.lower = lower
        self.upper = upper
        self.counts = [Int](repeating: 0, count: bins)
        self.underflow = 0
        self.overflow = 0
        self.log10Axis = log10Axis
    }

    /// Width of every bin, on the histogram's axis.
    public var binWidth: Double { (upper - lower) / Double(counts.count) }
    /// Every value counted, in bins or outside them.
    public var total: Int { counts.reduce(0, +) + underflow + overflow }

    enum CodingKeys: String, CodingKey {
        case lower, upper, counts, underflow, overflow
        case log10Axis = "log10_axis"
    }
}
