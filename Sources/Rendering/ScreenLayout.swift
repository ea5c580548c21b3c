/// Where each panel goes for a screen size: the heatmap sized to whole pooled/magnified cells,
/// the other panels sharing what is left. Panels that do not fit at a size are left out (nil).
struct ScreenLayout: Equatable {
    /// Below this the screen shows "terminal too small" (docs/themes.md, "Sizes").
    static let minimumWidth = 80
    static let minimumHeight = 24

    var heatmap = Rect(x: 0, y: 0, width: 0, height: 0)
    var inspector: Rect?
    var statistics = Rect(x: 0, y: 0, width: 0, height: 0)
    var parameters = Rect(x: 0, y: 0, width: 0, height: 0)
    var logitHistogram = Rect(x: 0, y: 0, width: 0, height: 0)
    var weightHistogram = Rect(x: 0, y: 0, width: 0, height: 0)
    var sweep: Rect?
    /// The status bar: the bottom line.
    var status = Rect(x: 0, y: 0, width: 0, height: 0)

    /// The cells a heatmap widget needs inside a panel whose inside is the given rectangle.
    typealias HeatmapSizing = (Rect) -> (width: Int, height: Int)

    /// The layout of a `width` × `height` screen for an n × m heatmap; nil when too small.
    init?(width: Int, height: Int, rows: Int, cols: Int, styles: ThemeStyles) {
        self.init(width: width, height: height) { inner in
            HeatmapWidget.size(
                of: HeatmapWidget.geometry(rows: rows, cols: cols, area: inner, styles: styles), rows: rows)
        }
    }

    /// The layout of a `width` × `height` screen for a heatmap that needs `heatmapSize(room)`
    /// cells in a given room (a token heatmap sizes itself by its labels); nil when too small.
    init?(width: Int, height: Int, heatmapSize: HeatmapSizing) {
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
        let body = Rect(x: 0, y: 0, width: width, height: height - 1)
        if width >= 120, height >= 36 {
            layoutWide(body, heatmapSize)
        } else {
            layoutCompact(body, heatmapSize)
        }
    }

    /// The heatmap panel's size for a picture fitted into at most `width` × `height` cells of panel.
    private static func heatmapPanel(_ heatmapSize: HeatmapSizing, width: Int, height: Int) -> (
        width: Int, height: Int
    ) {
        let size = heatmapSize(Rect(x: 0, y: 0, width: width - 2, height: height - 2))
        return (min(width, size.width + 2), min(height, size.height + 2))
    }

    /// Heatmap over the row inspector on the left; statistics and parameters, the two
    /// histograms, and the sweep curve stacked on the right.
    private mutating func layoutWide(_ body: Rect, _ heatmapSize: HeatmapSizing) {
        let rightMinimum = 64, inspectorMinimum = 8
        let panel = Self.heatmapPanel(
            heatmapSize, width: body.width - rightMinimum, height: body.height - inspectorMinimum)
        let (left, right) = body.splitLeft(max(40, panel.width))
        let (heatmapArea, inspectorArea) = left.splitTop(panel.height)
        heatmap = heatmapArea
        inspector = inspectorArea
        // Statistics and parameters take a third of the height at most (the statistics panel drops
        // its least telling rows to fit), so the histograms and the divisor curve keep room.
        let topHeight = min(StatisticsPanel.innerHeight + 2, max(ParameterPanel.innerHeight + 2, body.height / 3))
        let (top, rest) = right.splitTop(topHeight)
        let halves = top.columns(2)
        statistics = halves[0]
        parameters = halves[1]
        let (histograms, sweepArea) = rest.splitTop((rest.height + 1) / 2)
        let pair = histograms.columns(2)
        logitHistogram = pair[0]
        weightHistogram = pair[1]
        sweep = sweepArea
    }

    /// Heatmap (and the inspector beside it when there is room) over the two histograms on the
    /// left; statistics, parameters and, if tall enough, the sweep curve on the right.
    private mutating func layoutCompact(_ body: Rect, _ heatmapSize: HeatmapSizing) {
        let (left, right) = body.splitLeft(body.width - 32)
        let parameterHeight = ParameterPanel.innerHeight + 2
        let statisticsHeight = min(StatisticsPanel.innerHeight + 2, right.height - parameterHeight)
        let (statisticsArea, below) = right.splitTop(statisticsHeight)
        let (parameterArea, spare) = below.splitTop(parameterHeight)
        statistics = statisticsArea
        parameters = parameterArea
        sweep = spare.height >= 8 ? spare : nil
        let histogramMinimum = 9
        let panel = Self.heatmapPanel(
            heatmapSize, width: left.width,
            height: max(left.height - max(histogramMinimum, (left.height - 2) * 2 / 5), 6))
        let (top, bottom) = left.splitTop(panel.height)
        if left.width - panel.width >= 26 {
            let (heatmapArea, inspectorArea) = top.splitLeft(panel.width)
            heatmap = heatmapArea
            inspector = inspectorArea
        } else {
            heatmap = top
            inspector = nil
        }
        let pair = bottom.columns(2)
        logitHistogram = pair[0]
        weightHistogram = pair[1]
    }
}
