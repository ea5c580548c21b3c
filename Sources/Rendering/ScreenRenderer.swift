import AttentionCore
import Foundation
import TensorFiles

/// Draws attnview's whole screen into a frame: the one renderer behind the UI, snapshots and tests.
public struct ScreenRenderer: Sendable {
    /// The theme the frames are drawn in (resolved for `depth` once, in `init`).
    public let theme: Theme
    /// How many colours the frames use.
    public let depth: ColorDepth
    /// Draw with ASCII only (no ▀ half blocks or box drawing), for terminals whose fonts lack them.
    public let ascii: Bool
    let styles: ThemeStyles

    /// Screens smaller than this show "terminal too small" instead of the picture.
    public static let minimumWidth = ScreenLayout.minimumWidth
    public static let minimumHeight = ScreenLayout.minimumHeight

    /// Resolves the theme for `depth` once (palette quantization happens here, not per frame).
    public init(theme: Theme, depth: ColorDepth, ascii: Bool = false) {
        self.theme = theme
        self.depth = depth
        self.ascii = ascii
        self.styles = ThemeStyles(theme: theme, depth: depth, ascii: ascii)
    }

    /// The screen for `result` at `width` × `height` with the app's `keys` for it; with `model`,
    /// labelled with its tokens and with the model's overlays (heads grid, text editor).
    public func render(
        result: AttentionResult, curve: [DivisorCurvePoint], view: ViewState, model: ModelView? = nil,
        keys: ScreenKeys, width: Int, height: Int
    ) -> Frame {
        var frame = Frame(width: width, height: height, filling: styles.canvas.cell(" "))
        let weights = result.weights
        let row = min(max(0, view.selectedRow), max(0, weights.rows - 1))
        let tokenHeatmap = model.map { tokenHeatmapWidget(result, model: $0, view: view, row: row) }
        let layout: ScreenLayout?
        if let tokenHeatmap {
            layout = ScreenLayout(width: width, height: height) { tokenHeatmap.size(in: $0, styles: styles) }
        } else {
            layout = ScreenLayout(width: width, height: height, rows: weights.rows, cols: weights.cols, styles: styles)
        }
        guard let layout else {
            drawTooSmall(into: &frame)
            if ascii { frame.makeASCII() }
            return frame
        }
        let mask = Mask(n: result.params.n, m: result.params.m, causal: result.params.causal)
        let octave = log2(result.divisor / Double(max(result.params.dk, 1)).squareRoot())
        let visibleRows = (0..<result.params.n).count { !mask.visibleKeys(row: $0).isEmpty }
        let help = HelpOverlay(entries: keys.help, panels: PanelGuide.lines(layout: layout, glyphs: styles.glyphs))
        let screen = Rect(x: 0, y: 0, width: width, height: layout.status.y)
        let heatmap: any Widget =
            tokenHeatmap.map { Panel($0) }
            ?? Panel(
                HeatmapWidget(
                    matrix: view.heatmap == .logits ? result.logits : weights, mask: mask, mode: view.heatmap,
                    selectedRow: row, sharpness: RowSharpness(result: result)))
        let inspector: any Widget =
            model.map {
                Panel(
                    TokenInspectorWidget(
                        weights: weights, mask: mask, row: row, keyTokens: $0.labels.tokens, keyToken: $0.keyToken))
            }
            ?? Panel(RowInspectorWidget(weights: weights, mask: mask, row: row))
        // A model's screen without room for the row panel gives it the histograms' place: which
        // token a word attends to is the question there, and the statistics keep the numbers.
        var inspectorArea = layout.inspector.flatMap { $0.width >= 20 && $0.height >= 5 ? $0 : nil }
        var histograms = true
        if model != nil, inspectorArea == nil {
            let bottom = layout.logitHistogram
            inspectorArea = Rect(
                x: bottom.x, y: bottom.y, width: layout.weightHistogram.maxX - bottom.x, height: bottom.height)
            histograms = false
        }
        // `A`: the whole model's answer takes the histograms' place, or the statistics' when the row
        // panel has that.
        let everywhere = model?.everywhere.map { Panel(EverywherePanel(summary: $0)) }
        var everywhereArea: Rect?
        var statisticsArea: Rect? = layout.statistics
        if everywhere != nil {
            everywhereArea = histograms ? layout.logitHistogram.union(layout.weightHistogram) : layout.statistics
            if histograms { histograms = false } else { statisticsArea = nil }
        }
        var slots: [(area: Rect?, widget: any Widget)] = [
            (layout.heatmap, heatmap),
            (inspectorArea, inspector),
            (
                statisticsArea,
                Panel(
                    StatisticsPanel(
                        stats: result.stats,
                        logitMeanExpected: LogitTheory(params: result.params, divisor: result.divisor)?.mean,
                        ascii: ascii))
            ),
            (
                layout.parameters,
                Panel(
                    ParameterPanel(
                        params: result.params, divisor: result.divisor, themeName: theme.name, ascii: ascii,
                        keys: keys, model: model))
            ),
            (
                histograms ? layout.logitHistogram : nil,
                Panel(logitHistogram(result, area: layout.logitHistogram.inset(1)))
            ),
            (
                histograms ? layout.weightHistogram : nil,
                Panel(weightHistogram(result, area: layout.weightHistogram.inset(1)))
            ),
            (
                layout.sweep,
                Panel(
                    SweepCurveWidget(
                        curve: curve, currentOctave: octave, ascii: ascii, totalRows: visibleRows,
                        currentGradMedian: result.stats.scoreGradMedian))
            ),
            (everywhereArea, everywhere.map { $0 as any Widget } ?? StatusBar(message: "", hints: [])),
            (model?.grid == nil ? nil : screen, Panel(HeadsGridPanel(grid: model?.grid), opaque: true)),
            (
                layout.status,
                model?.editor.map { EditorLine(editor: $0) }
                    ?? StatusBar(
                        message: statusMessage(view: view, row: row, model: model, weights: weights),
                        hints: keys.hints)
            ),
            (view.showHelp ? help.box(in: screen, styles: styles) : nil, Panel(help, opaque: true)),
        ]
        if let problem = result.problem {
            // Values that are not finite: no picture and no verdict, only where they arose. The
            // parameters, overlays and status stay, so the keys still lead elsewhere. Slots 0 and 2
            // are the heatmap and statistics, 1 the row panel, 4–6 the histograms and the curve.
            slots[0].widget = Panel(NotFiniteNotice(title: "no picture", reason: problem))
            slots[2].widget = Panel(NotFiniteNotice(title: "statistics", reason: problem))
            for index in [1, 4, 5, 6] { slots[index].area = nil }
        }
        for slot in slots {
            if let area = slot.area { slot.widget.draw(into: &frame, area: area, styles: styles) }
        }
        if ascii { frame.makeASCII() }
        return frame
    }

    /// Results of up to this many entries are re-binned to one bin per column (sharper bars);
    /// larger ones keep the engine's bins, resampled, so a frame stays cheap.
    static let rebinLimit = 1 << 16

    private func logitHistogram(_ result: AttentionResult, area: Rect) -> LogitHistogramWidget {
        let rebin = result.params.n * result.params.m <= Self.rebinLimit
        return LogitHistogramWidget(
            histogram: rebin && area.width > 0 ? result.logitHistogram(bins: area.width) : result.logitHistogram,
            measuredMean: result.stats.logitMean, measuredStd: result.stats.logitStd,
            theoryStd: result.stats.logitStdExpected, ascii: ascii)
    }

    private func weightHistogram(_ result: AttentionResult, area: Rect) -> WeightHistogramWidget {
        let rebin = result.params.n * result.params.m <= Self.rebinLimit
        let bins = area.width - WeightHistogramWidget.underflowWidth
        return WeightHistogramWidget(
            histogram: rebin && bins > 0 ? result.weightHistogram(bins: bins) : result.weightHistogram,
            keys: result.params.m)
    }

    private func statusMessage(view: ViewState, row: Int, model: ModelView?, weights: Matrix) -> String {
        if !view.status.isEmpty { return (view.playing ? "playing · " : "") + view.status }
        let shown = view.heatmap == .weights ? "weights" : "logits"
        var place = "row \(row)"
        if let model {
            place = "L\(model.labels.layer) H\(model.labels.head) · "
            if let pair = model.pair(row: row), let key = model.keyToken, row < weights.rows, key < weights.cols {
                place += pair + " " + NumberFormat.fixed(Double(weights[row, key]), 3)
            } else {
                place += model.labels.tokens[safe: row] ?? "row \(row)"
            }
            if let everywhere = model.everywhere {
                place += " · every s × " + NumberFormat.exponentOrFixed(everywhere.factor)
            }
        }
        return (view.playing ? "playing · " : "") + "\(shown) view · \(place)"
    }

    func drawTooSmall(into frame: inout Frame) {
        let lines = [
            "terminal too small (need \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight))",
            "now \(frame.width)×\(frame.height)",
            "keys wait until it is larger · q quits",
        ]
        let top = max(0, (frame.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let text = String(line.prefix(frame.width))
            frame.put(
                text, x: max(0, (frame.width - text.count) / 2), y: top + index,
                style: index == 0 ? styles.title : styles.muted)
        }
    }
}
