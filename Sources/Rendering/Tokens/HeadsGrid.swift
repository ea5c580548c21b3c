import AttentionCore

/// The open heads grid: a cursor, and the summaries once computed (nil while they are pending).
public struct HeadsGrid: Equatable, Sendable {
    /// The head the cursor is on (Enter shows it).
    public var cursor: HeadRef
    /// `summaries[layer][head]`, at the divisor they were computed for.
    public var summaries: [[HeadSummary]]?
    /// That divisor s, which the title names (`+` `-` change it for every head).
    public var divisor: Double?

    /// A grid whose cursor starts on `cursor`.
    public init(cursor: HeadRef, summaries: [[HeadSummary]]? = nil, divisor: Double? = nil) {
        self.cursor = cursor
        self.summaries = summaries
        self.divisor = divisor
    }
}
