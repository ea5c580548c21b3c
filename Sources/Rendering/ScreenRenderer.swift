import AttentionCore

/// Draws attnview's whole screen into a frame: the one renderer behind the UI, snapshots and tests.
public struct ScreenRenderer: Sendable {
    public let theme: Theme
    public let depth: ColorDepth
    /// Draw with ASCII only (no ▀ half blocks or box drawing), for terminals whose fonts lack them.
    public let ascii: Bool

    public init(theme: Theme, depth: ColorDepth, ascii: Bool = false) {
        self.theme = theme
        self.depth = depth
        self.ascii = ascii
    }

    /// The screen for `result` at `width` × `height`.
    public func render(
        result: AttentionResult, curve: [DivisorCurvePoint], view: ViewState, width: Int, height: Int
    ) -> Frame {
        var frame = Frame(width: width, height: height)
        frame.put("attnview d_k=\(result.params.dk) s=\(result.divisor)", x: 0, y: 0)
        return frame
    }
}
