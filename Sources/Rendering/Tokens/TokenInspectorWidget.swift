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

    private var ranking: TokenRankingWidget {
        TokenRankingWidget(weights: weights, mask: mask, row: row, keyTokens: keyTokens, keyToken: keyToken)
    }
    private var bars: RowInspectorWidget { RowInspectorWidget(weights: weights, mask: mask, row: row) }

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: ranking.title, note: bars.heading(inside: area, styles: styles).note)
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let listWidth = area.width >= 70 ? min(40, area.width / 2) : area.width
        let (list, rest) = area.splitLeft(listWidth)
        ranking.draw(into: &frame, area: list, styles: styles)
        if rest.width >= 24 {
            bars.draw(
                into: &frame, area: Rect(x: rest.x + 1, y: rest.y, width: rest.width - 1, height: rest.height),
                styles: styles)
        }
    }
}
