import AttentionCore
import TensorFiles

/// The heatmap of a real model's attention, labelled with its tokens. When every query fits on
/// its own text row (or `z` asks for it) each row carries its query token at the left and each
/// key column its token written downwards underneath; otherwise the pooled overview of
/// `HeatmapWidget` gets a column saying which tokens each text row covers.
struct TokenHeatmapWidget: PanelContent {
    let matrix: Matrix
    let mask: Mask
    let mode: HeatmapMode
    /// One token per query row.
    let queryTokens: [String]
    /// One token per key column.
    let keyTokens: [String]
    let selectedRow: Int
    /// `z`: one text row per token even when the whole matrix does not fit.
    let zoomed: Bool
    /// H / ln m per query row, for the strip beside the pooled overview.
    let sharpness: RowSharpness
    /// The logits' colour half range when a twin picture shares it (the split view); nil: its own.
    var logitScale: Double? = nil
    /// The panel's title, e.g. "attention · layer 1 head 3".
    var title = ""

    /// One text row per query (all of them, or a window), or the pooled overview.
    enum Layout: Equatable {
        case tokenRows(TokenWindow)
        case overview(HeatmapGeometry)
    }

    /// Columns left of the picture: the marker, a blank, and the query labels (room for an index
    /// range like "64–71" too, which a pooled overview row shows) with a blank after them.
    var labelWidth: Int {
        let range = 2 * String(max(0, matrix.rows - 1)).count + 1
        return 2 + max(TokenLabels.rowLabelWidth(queryTokens), min(TokenLabels.maximumWidth, range) + 1)
    }

    /// Cells of a query label.
    private var labelColumns: Int { labelWidth - 3 }

    /// `labelWidth` for the pooled overview, where a text row covers two tokens or more: room for
    /// two short tokens side by side ("it was"), which read better than their indices.
    var overviewLabelWidth: Int {
        let pairs = zip(queryTokens, queryTokens.dropFirst()).map { DisplayWidth.of($0) + 1 + DisplayWidth.of($1) }
        return max(labelWidth, 2 + min(TokenLabels.maximumPairWidth, pairs.max() ?? 0) + 1)
    }

    /// Rows of downward key labels in `area`: as many as the longest token needs, fewer (down to
    /// each key's first character) when that lets every query have its own row.
    func keyLabelRows(in area: Rect) -> Int {
        let wanted = TokenLabels.keyLabelRows(keyTokens)
        if matrix.rows + wanted <= area.height { return wanted }
        if matrix.rows < area.height { return area.height - matrix.rows }
        // A window of rows either way: the labels keep their length, up to a quarter of the room.
        return max(1, min(wanted, area.height / 4))
    }

    /// How the matrix is shown in `area`.
    func layout(in area: Rect, styles: ThemeStyles) -> Layout {
        let keyRows = keyLabelRows(in: area)
        let room = (width: area.width - labelWidth - HeatmapWidget.colourLegendWidth, height: area.height - keyRows)
        let window = TokenWindow(
            n: matrix.rows, m: matrix.cols, selectedRow: selectedRow, width: room.width, height: room.height)
        if zoomed || window.isWhole(n: matrix.rows, m: matrix.cols) { return .tokenRows(window) }
        return .overview(
            HeatmapWidget.geometry(rows: matrix.rows, cols: matrix.cols, area: overviewArea(area), styles: styles))
    }

    /// The cells the widget needs in `area` (the panel around it adds its border).
    func size(in area: Rect, styles: ThemeStyles) -> (width: Int, height: Int) {
        switch layout(in: area, styles: styles) {
        case .tokenRows(let window):
            return (
                labelWidth + window.keys.count * TokenWindow.columnsPerKey + HeatmapWidget.colourLegendWidth,
                window.rows.count + keyLabelRows(in: area)
            )
        case .overview(let geometry):
            let inner = HeatmapWidget.size(of: geometry, rows: matrix.rows)
            return (overviewLabelWidth - 1 + inner.width, inner.height)
        }
    }

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: title, note: note(in: area, styles: styles))
    }

    /// What the panel's note says: the window shown, or how much a cell pools.
    func note(in area: Rect, styles: ThemeStyles) -> String {
        switch layout(in: area, styles: styles) {
        case .tokenRows(let window):
            if window.isWhole(n: matrix.rows, m: matrix.cols) { return "\(matrix.rows)×\(matrix.cols) tokens" }
            return "rows \(window.rows.lowerBound)–\(window.rows.upperBound - 1) · keys \(window.keys.lowerBound)–"
                + "\(window.keys.upperBound - 1) of \(matrix.rows)×\(matrix.cols) · z overview"
        case .overview(let geometry):
            let pooled = geometry.pool > 1 ? " · \(geometry.pool) tokens a cell" : ""
            return "\(matrix.rows)×\(matrix.cols)\(pooled) · z one row per token"
        }
    }

    private func overviewArea(_ area: Rect) -> Rect {
        Rect(
            x: area.x + overviewLabelWidth - 1, y: area.y, width: area.width - overviewLabelWidth + 1,
            height: area.height)
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard matrix.rows > 0, matrix.cols > 0, area.width > labelWidth + HeatmapWidget.colourLegendWidth,
            area.height > 1
        else { return }
        switch layout(in: area, styles: styles) {
        case .tokenRows(let window): drawTokenRows(window, area: area, into: &frame, styles: styles)
        case .overview(let geometry): drawOverview(geometry, area: area, into: &frame, styles: styles)
        }
    }

    private var selected: Int { min(max(0, selectedRow), matrix.rows - 1) }

    /// The key the selected query attends most (nil when all its keys are masked).
    var strongestKey: Int? {
        let row = selected
        return mask.visibleKeys(row: row).clamped(to: 0..<matrix.cols).max { matrix[row, $0] < matrix[row, $1] }
    }

    private func largestMagnitude() -> Double {
        guard mode == .logits else { return 1 }
        var largest: Float = 0
        for row in 0..<matrix.rows {
            for col in mask.visibleKeys(row: row).clamped(to: 0..<matrix.cols) {
                largest = max(largest, abs(matrix[row, col]))
            }
        }
        return largest > 0 ? Double(largest) : 1
    }

    private func drawTokenRows(_ window: TokenWindow, area: Rect, into frame: inout Frame, styles: ThemeStyles) {
        let scale = logitScale ?? largestMagnitude()
        let shade = ShadeMapper(styles: styles, logits: mode == .logits, scale: scale)
        let picture = Rect(
            x: area.x + labelWidth, y: area.y, width: window.keys.count * TokenWindow.columnsPerKey,
            height: window.rows.count)
        for (offset, row) in window.rows.enumerated() {
            let y = picture.y + offset
            let visible = mask.visibleKeys(row: row)
            for (keyOffset, key) in window.keys.enumerated() {
                let value: Float? = visible.contains(key) ? matrix[row, key] : nil
                let cell: Cell
                if value == nil {
                    cell = styles.maskedPattern.cell(styles.glyphs.masked)
                } else if styles.hasColor {
                    let color = shade.color(value)
                    cell = Cell(styles.ascii ? shade.character(value) : "▀", foreground: color, background: color)
                } else {
                    cell = styles.canvas.cell(shade.character(value))
                }
                let x = picture.x + keyOffset * TokenWindow.columnsPerKey
                frame[x, y] = cell
                frame[x + 1, y] = cell
            }
            let label = TokenLabels.rowLabel(tokens: queryTokens, range: row..<(row + 1), width: labelColumns)
            let isSelected = row == selected
            frame.put(
                String(repeating: " ", count: max(0, labelColumns - DisplayWidth.of(label))) + label, x: area.x + 2,
                y: y, style: isSelected ? styles.selection : styles.axis)
            if isSelected { frame[area.x, y] = styles.selection.cell(styles.ascii ? ">" : "▶") }
        }
        let keyRows = keyLabelRows(in: area)
        let strongest = strongestKey
        for (keyOffset, key) in window.keys.enumerated() where key < keyTokens.count {
            let x = picture.x + keyOffset * TokenWindow.columnsPerKey
            let style = key == strongest ? styles.selection : styles.axis
            for (index, character) in TokenLabels.downward(keyTokens[key], rows: keyRows).enumerated() {
                frame.put(String(character), x: x, y: picture.maxY + index, style: style)
            }
        }
        HeatmapLegend(mode: mode, scale: scale, showsMask: mask.causal).draw(
            into: &frame,
            at: Rect(
                x: picture.maxX + 1, y: area.y, width: HeatmapWidget.colourLegendWidth - 1,
                height: max(picture.height, 3)),
            labelRow: picture.maxY, styles: styles)
    }

    /// `HeatmapWidget`'s picture with a column left of it naming the tokens of each text row.
    private func drawOverview(_ geometry: HeatmapGeometry, area: Rect, into frame: inout Frame, styles: ThemeStyles) {
        let inner = overviewArea(area)
        HeatmapWidget(
            matrix: matrix, mask: mask, mode: mode, selectedRow: selected, logitScale: logitScale, sharpness: sharpness
        ).draw(
            into: &frame, area: inner, styles: styles)
        // HeatmapWidget centres its picture: its marker column moves right by the same slack.
        let slack = max(0, inner.width - HeatmapWidget.size(of: geometry, rows: matrix.rows).width) / 2
        let overviewColumns = overviewLabelWidth - 3
        var start = 0
        while start < matrix.rows {
            let cellRow = geometry.cellRow(ofMatrixRow: start)
            var end = start + 1
            while end < matrix.rows, geometry.cellRow(ofMatrixRow: end) == cellRow { end += 1 }
            let label = TokenLabels.rowLabel(tokens: queryTokens, range: start..<end, width: overviewColumns)
            let style = (start..<end).contains(selected) ? styles.selection : styles.muted
            frame.put(
                String(repeating: " ", count: max(0, overviewColumns - DisplayWidth.of(label))) + label,
                x: area.x + slack + 1, y: area.y + cellRow, style: style)
            start = end
        }
    }
}
