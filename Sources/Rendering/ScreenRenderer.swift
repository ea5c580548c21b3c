import AttentionCore
import Foundation

/// Draws attnview's whole screen into a frame: the one renderer behind the UI, snapshots and tests.
public struct ScreenRenderer: Sendable {
    /// The theme the frames are drawn in (resolved for `depth` once, in `init`).
    public let theme: Theme
    /// How many colours the frames use.
    public let depth: ColorDepth
    /// Draw with ASCII only (no ▀ half blocks or box drawing), for terminals whose fonts lack them.
    public let ascii: Bool
    /// The app's key table as the help overlay, status bar and parameter panel show it.
    public let keys: KeyGuide
    let styles: ThemeStyles

    /// Screens smaller than this show "terminal too small" instead of the picture.
    public static let minimumWidth = ScreenLayout.minimumWidth
    public static let minimumHeight = ScreenLayout.minimumHeight

    /// Resolves the theme for `depth` once (palette quantization happens here, not per frame).
    public init(theme: Theme, depth: ColorDepth, ascii: Bool = false, keys: KeyGuide) {
        self.theme = theme
        self.depth = depth
        self.ascii = ascii
        self.keys = keys
        self.styles = ThemeStyles(theme: theme, depth: depth, ascii: ascii)
    }

    /// The screen for `result` at `width` × `height`; with `model`, labelled with its tokens and
    /// with the model's overlays (heads grid, text editor).
    public func render(
        result: AttentionResult, curve: [DivisorCurvePoint], view: ViewState, model: ModelView? = nil, width: Int,
        height: Int
    ) -> Frame {
        var frame = Frame(width: width, height: height, filling: styles.canvas.cell(" "))
        let weights = result.weights
        let row = min(max(0, view.selectedRow), max(0, weights.rows - 1))
        let layout: ScreenLayout?
        if let model {
            let widget = tokenHeatmapWidget(result, model: model, view: view, row: row)
            layout = ScreenLayout(width: width, height: height) { widget.size(in: $0, styles: styles) }
        } else {
            layout = ScreenLayout(width: width, height: height, rows: weights.rows, cols: weights.cols, styles: styles)
        }
        guard let layout else {
            drawTooSmall(into: &frame)
            if ascii { frame.makeASCII() }
            return frame
        }
        let mask = Mask(n: result.params.n, m: result.params.m, causal: result.params.causal)
        // The editor and the grid bring their own keys; the picture's depend on whether it is a model's.
        let mode: InputMode = model?.editor != nil ? .editor : model?.grid != nil ? .grid : view.mode
        if let model {
            drawTokenHeatmap(result, model: model, view: view, row: row, area: layout.heatmap, into: &frame)
        } else {
            drawHeatmap(result, mask: mask, row: row, view: view, area: layout.heatmap, into: &frame)
        }
        if let model, let area = layout.inspector, area.width >= 20, area.height >= 5 {
            drawTokenInspector(result, model: model, row: row, area: area, into: &frame)
        } else if let area = layout.inspector, area.width >= 20, area.height >= 5 {
            let inspector = RowInspectorWidget(weights: weights, mask: mask, row: row)
            let inner = Panel(
                title: inspector.title(width: Panel.titleRoom(width: area.width)),
                note: inspector.note(width: area.width - 2)
            )
            .draw(into: &frame, area: area, styles: styles)
            inspector.draw(into: &frame, area: inner, styles: styles)
        }
        let statisticsArea = Panel(title: "statistics").draw(into: &frame, area: layout.statistics, styles: styles)
        StatisticsPanel(stats: result.stats, ascii: ascii).draw(into: &frame, area: statisticsArea, styles: styles)
        let parameterArea = Panel(title: "parameters").draw(into: &frame, area: layout.parameters, styles: styles)
        ParameterPanel(
            params: result.params, divisor: result.divisor, themeName: theme.name, ascii: ascii, keys: keys,
            mode: view.mode, model: model
        ).draw(into: &frame, area: parameterArea, styles: styles)
        drawHistograms(result, layout: layout, into: &frame)
        if let area = layout.sweep {
            let octave = log2(result.divisor / Double(max(result.params.dk, 1)).squareRoot())
            let sweep = SweepCurveWidget(curve: curve, currentOctave: octave, ascii: ascii)
            let inner = Panel(title: sweep.title, note: sweep.note, keys: sweep.keys(styles: styles))
                .draw(into: &frame, area: area, styles: styles)
            sweep.draw(into: &frame, area: inner, styles: styles)
        }
        if let grid = model?.grid, let model {
            drawHeadsGrid(
                grid, model: model, area: Rect(x: 0, y: 0, width: width, height: layout.statusRow), into: &frame)
        }
        if let editor = model?.editor {
            drawEditor(editor, row: layout.statusRow, width: width, into: &frame)
        } else {
            StatusBar(
                message: statusMessage(view: view, row: row, model: model),
                hints: keys.hints(in: mode, model: model != nil)
            ).draw(into: &frame, row: layout.statusRow, width: width, styles: styles)
        }
        if view.showHelp {
            HelpOverlay(entries: keys.entries(in: mode, model: model != nil)).draw(
                into: &frame, area: Rect(x: 0, y: 0, width: width, height: layout.statusRow), styles: styles)
        }
        if ascii { frame.makeASCII() }
        return frame
    }

    /// Results of up to this many entries are re-binned to one bin per column (sharper bars);
    /// larger ones keep the engine's bins, resampled, so a frame stays cheap.
    static let rebinLimit = 1 << 16

    private func drawHistograms(_ result: AttentionResult, layout: ScreenLayout, into frame: inout Frame) {
        let rebin = result.params.n * result.params.m <= Self.rebinLimit
        let logitArea = layout.logitHistogram.inset(1)
        let logits = LogitHistogramWidget(
            histogram: rebin && logitArea.width > 0
                ? result.logitHistogram(bins: logitArea.width) : result.logitHistogram,
            measuredMean: result.stats.logitMean, measuredStd: result.stats.logitStd,
            theoryStd: result.stats.logitStdExpected,
            ascii: ascii)
        Panel(title: logits.title, note: logits.note).draw(into: &frame, area: layout.logitHistogram, styles: styles)
        logits.draw(into: &frame, area: logitArea, styles: styles)
        let weightArea = layout.weightHistogram.inset(1)
        let weightBins = weightArea.width - WeightHistogramWidget.underflowWidth
        let weights = WeightHistogramWidget(
            histogram: rebin && weightBins > 0 ? result.weightHistogram(bins: weightBins) : result.weightHistogram,
            keys: result.params.m)
        Panel(title: weights.title, note: weights.note).draw(into: &frame, area: layout.weightHistogram, styles: styles)
        weights.draw(into: &frame, area: weightArea, styles: styles)
    }

    private func drawHeatmap(
        _ result: AttentionResult, mask: Mask, row: Int, view: ViewState, area: Rect, into frame: inout Frame
    ) {
        let matrix = view.heatmap == .logits ? result.logits : result.weights
        let inner = area.inset(1)
        let geometry = HeatmapWidget.geometry(rows: matrix.rows, cols: matrix.cols, area: inner, styles: styles)
        var note = "\(matrix.rows)×\(matrix.cols)"
        if geometry.pool > 1 {
            note += " · pooled \(geometry.pool)×"
        } else if geometry.zoom > 1 {
            note += " · \(geometry.zoom)× cells"
        }
        let title = view.heatmap == .logits ? "logits QKᵀ/s" : "attention weights"
        Panel(title: ascii ? title.replacingOccurrences(of: "ᵀ", with: "^T") : title, note: note).draw(
            into: &frame, area: area, styles: styles)
        HeatmapWidget(matrix: matrix, mask: mask, mode: view.heatmap, selectedRow: row).draw(
            into: &frame, area: inner, styles: styles)
    }

    private func statusMessage(view: ViewState, row: Int, model: ModelView?) -> String {
        if !view.status.isEmpty { return (view.playing ? "playing · " : "") + view.status }
        let shown = view.heatmap == .weights ? "weights" : "logits"
        let place = model.map { "L\($0.layer) H\($0.head) · \($0.tokens[safe: row] ?? "row \(row)")" } ?? "row \(row)"
        return (view.playing ? "playing · " : "") + "\(shown) view · \(place)"
    }

    private func drawTooSmall(into frame: inout Frame) {
        let lines = [
            "terminal too small (need \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight))",
            "now \(frame.width)×\(frame.height)",
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
