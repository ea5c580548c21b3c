import AttentionCore

/// The open heads grid: a cursor, and the summaries once computed (nil while they are pending).
public struct HeadsGrid: Equatable, Sendable {
    public var cursorLayer: Int
    public var cursorHead: Int
    /// `summaries[layer][head]`, at the divisor they were computed for.
    public var summaries: [[HeadSummary]]?
    /// That divisor s, which the title names (`+` `-` change it for every head).
    public var divisor: Double?

    /// A grid whose cursor starts on the head on screen.
    public init(cursorLayer: Int, cursorHead: Int, summaries: [[HeadSummary]]? = nil, divisor: Double? = nil) {
        self.cursorLayer = cursorLayer
        self.cursorHead = cursorHead
        self.summaries = summaries
        self.divisor = divisor
    }
}
