import AttentionCore

/// The open heads grid: a cursor, and the summaries once computed (nil while they are pending).
public struct HeadsGrid: Equatable, Sendable {
    public var cursorLayer: Int
    public var cursorHead: Int
    /// `summaries[layer][head]`, at the divisor they were computed for.
    public var summaries: [[HeadSummary]]?

    /// A grid whose cursor starts on the head on screen.
    public init(cursorLayer: Int, cursorHead: Int, summaries: [[HeadSummary]]? = nil) {
        self.cursorLayer = cursorLayer
        self.cursorHead = cursorHead
        self.summaries = summaries
    }
}
