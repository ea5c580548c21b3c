import AttentionCore
import TensorFiles

/// The selected query's keys ranked by weight on the left and the per-key bars on the right, when
/// there is room for both; the title names the query token.
struct TokenInspectorWidget: PanelContent {
    let weights: Matrix
    let mask: Mask
    let row: Int
    let keyTokens: [String]
    /// The pair's key token (`J` `K`), nil for none.
    var keyToken: Int?
    /// The bars' y scale shared with a twin panel (the split view of `b`); nil: their own.
    var sharedTop: Double? = nil

    private var ranking: TokenRankingWidget {
        TokenRankingWidget(weights: weights, mask: mask, row: row, keyTokens: keyTokens, keyToken: keyToken)
    }
    private var bars: RowInspectorWidget {
        RowInspectorWidget(weights: weights, mask: mask, row: row, sharedTop: sharedTop)
    }

    /// The bars' note only when the bars are drawn: the list alone has its own 0–1 scale.
    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        let (_, rest) = split(area)
        let note = rest.width >= Self.barsMinimumWidth ? bars.note(width: rest.width - 1) : ""
        return PanelHeading(title: ranking.title, note: note)
    }

    /// Narrower than this the bar chart beside the list is left out.
    static let barsMinimumWidth = 24

    /// The list's columns and the rest (for the bars).
    private func split(_ area: Rect) -> (left: Rect, rest: Rect) {
        area.splitLeft(area.width >= 70 ? min(40, area.width / 2) : area.width)
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let (list, rest) = split(area)
        ranking.draw(into: &frame, area: list, styles: styles)
        if rest.width >= Self.barsMinimumWidth {
            bars.draw(
                into: &frame, area: Rect(x: rest.x + 1, y: rest.y, width: rest.width - 1, height: rest.height),
                styles: styles)
        }
    }
}
