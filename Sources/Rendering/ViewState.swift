/// Which matrix the heatmap shows.
public enum HeatmapMode: String, Hashable, Sendable {
    case weights, logits
}

/// What the screen shows besides the numbers: the part of the UI state the renderer needs.
public struct ViewState: Hashable, Sendable {
    /// Weights or logits in the heatmap (`v`).
    public var heatmap: HeatmapMode
    /// The query row shown in the row inspector.
    public var selectedRow: Int
    /// The key overlay (`?`) is open.
    public var showHelp: Bool
    /// One line for the status bar (errors, saved snapshot paths); empty for none.
    public var status: String
    /// `p` is animating; the status bar says so.
    public var playing: Bool
    /// `b`: the current divisor beside the standard one instead of the single view.
    public var comparing: Bool

    /// The view state; the defaults are the first screen.
    public init(
        heatmap: HeatmapMode = .weights, selectedRow: Int = 0, showHelp: Bool = false, status: String = "",
        playing: Bool = false, comparing: Bool = false
    ) {
        self.heatmap = heatmap
        self.selectedRow = selectedRow
        self.showHelp = showHelp
        self.status = status
        self.playing = playing
        self.comparing = comparing
    }
}
