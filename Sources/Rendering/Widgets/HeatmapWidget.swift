import AttentionCore
import TensorFiles

/// The attention matrix as colour, queries down and keys across, with index ticks, a marker at
/// the selected row, each row's sharpness (`RowSharpnessStrip`) and a colour legend with value
/// labels on the right.
struct HeatmapWidget: PanelContent {
    let matrix: Matrix
    let mask: Mask
    let mode: HeatmapMode
    let selectedRow: Int
    /// Half range of the logit colour scale; nil takes the picture's own largest |logit|. The
    /// comparison view passes one value to both pictures so equal colours mean equal logits.
    var logitScale: Double? = nil
    /// H / ln m per query row, for the strip beside the picture.
    let sharpness: RowSharpness

    /// Columns right of the picture: the sharpness strip, a gap, the two-cell colour bar, a gap, labels.
    static let legendWidth = RowSharpnessStrip.width + colourLegendWidth
    /// Columns of the colour legend alone (a gap, the two-cell bar, a gap, labels): the token
    /// rows of a model's picture carry no sharpness strip, their tokens label each row instead.
    static let colourLegendWidth = 10

    /// Columns of row labels left of the picture for `rows` queries (digits plus the marker).
    static func labelWidth(rows: Int) -> Int { String(max(0, rows - 1)).count + 1 }

    /// Where the picture goes inside `area`.
    static func geometry(rows: Int, cols: Int, area: Rect, styles: ThemeStyles) -> HeatmapGeometry {
        HeatmapGeometry(
            rows: rows, cols: cols, maxWidth: area.width - labelWidth(rows: rows) - legendWidth,
            maxHeight: area.height - 1, halfBlock: styles.hasColor && !styles.ascii)
    }

    /// Cells the whole widget needs for a picture of `geometry`.
    static func size(of geometry: HeatmapGeometry, rows: Int) -> (width: Int, height: Int) {
        (labelWidth(rows: rows) + geometry.width + legendWidth, geometry.height + 1)
    }

    /// Which matrix, its size, and how it is pooled (each cell its block's extreme) or magnified.
    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        let geometry = Self.geometry(rows: matrix.rows, cols: matrix.cols, area: area, styles: styles)
        var note = "\(matrix.rows)×\(matrix.cols)"
        if geometry.pool > 1 {
            note += " · max \(geometry.pool)×\(geometry.pool)"
        } else if geometry.zoom > 1 {
            note += " · \(geometry.zoom)× cells"
        }
        let title = mode == .logits ? (styles.ascii ? "logits QK^T/s" : "logits QKᵀ/s") : "attention weights"
        return PanelHeading(title: title, note: note)
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        let geometry = Self.geometry(rows: matrix.rows, cols: matrix.cols, area: area, styles: styles)
        guard area.width > Self.legendWidth, area.height > 1, matrix.rows > 0, matrix.cols > 0 else { return }
        let pooled = PooledMatrix(matrix, mask: mask, pool: geometry.pool)
        let scale = mode == .logits ? logitScale ?? Double(pooled.largestMagnitude) : 1
        // Centred when the panel is wider than the picture needs (whole cells leave slack).
        let slack = max(0, area.width - Self.size(of: geometry, rows: matrix.rows).width)
        let area = Rect(x: area.x + slack / 2, y: area.y, width: area.width - slack / 2, height: area.height)
        let left = area.x + Self.labelWidth(rows: matrix.rows)
        let picture = Rect(x: left, y: area.y, width: geometry.width, height: geometry.height)
        let shade = ShadeMapper(styles: styles, logits: mode == .logits, scale: scale)
        if geometry.halfBlock {
            drawHalfBlocks(pooled, geometry, picture, shade, &frame, styles)
        } else {
            drawDoubleWidth(pooled, geometry, picture, shade, &frame, styles)
        }
        drawRowLabels(geometry, area: area, &frame, styles)
        drawColumnLabels(geometry, picture: picture, &frame, styles)
        RowSharpnessStrip(values: sharpness.normalizedEntropy, geometry: geometry).draw(
            into: &frame,
            area: Rect(x: picture.maxX, y: picture.y, width: RowSharpnessStrip.width, height: picture.height),
            labelRow: picture.maxY, styles: styles)
        let legendX = picture.maxX + RowSharpnessStrip.width + 1
        HeatmapLegend(mode: mode, scale: scale, showsMask: mask.causal).draw(
            into: &frame,
            at: Rect(
                x: legendX, y: area.y, width: Self.legendWidth - RowSharpnessStrip.width - 1,
                height: max(geometry.height, 3)),
            labelRow: picture.maxY, styles: styles)
    }

    private func drawHalfBlocks(
        _ pooled: PooledMatrix, _ geometry: HeatmapGeometry, _ picture: Rect, _ shade: ShadeMapper,
        _ frame: inout Frame, _ styles: ThemeStyles
    ) {
        let pixelRows = pooled.rows * geometry.zoom
        for cellRow in 0..<picture.height {
            let top = cellRow * 2, bottom = cellRow * 2 + 1
            for cellColumn in 0..<picture.width {
                let col = cellColumn / geometry.zoom
                let upper = pooled[top / geometry.zoom, col]
                let lower: Float?? = bottom < pixelRows ? .some(pooled[bottom / geometry.zoom, col]) : .none
                let cell: Cell
                switch (upper, lower) {
                case (nil, .some(nil)), (nil, .none):
                    cell = styles.maskedPattern.cell(styles.glyphs.masked)
                case let (upper, .some(lower)):
                    cell = Cell("▀", foreground: shade.color(upper), background: shade.color(lower))
                case let (upper, .none):
                    cell = Cell("▀", foreground: shade.color(upper), background: styles.canvas.background)
                }
                frame[picture.x + cellColumn, picture.y + cellRow] = cell
            }
        }
    }

    private func drawDoubleWidth(
        _ pooled: PooledMatrix, _ geometry: HeatmapGeometry, _ picture: Rect, _ shade: ShadeMapper,
        _ frame: inout Frame, _ styles: ThemeStyles
    ) {
        for cellRow in 0..<picture.height {
            let row = cellRow / geometry.zoom
            for cellColumn in 0..<picture.width {
                let value = pooled[row, cellColumn / 2 / geometry.zoom]
                let cell: Cell
                if value == nil {
                    cell = styles.maskedPattern.cell(styles.glyphs.masked)
                } else if styles.hasColor {
                    // The shade glyph in its own colour: a solid block on screen, still readable as text.
                    let color = shade.color(value)
                    cell = Cell(shade.character(value), foreground: color, background: color)
                } else {
                    cell = styles.canvas.cell(shade.character(value))
                }
                frame[picture.x + cellColumn, picture.y + cellRow] = cell
            }
        }
    }

    /// Query indices at round steps down the left edge, and the selected row's marker.
    private func drawRowLabels(_ geometry: HeatmapGeometry, area: Rect, _ frame: inout Frame, _ styles: ThemeStyles) {
        let width = Self.labelWidth(rows: matrix.rows) - 1
        let cellsPerRow = Double(geometry.zoom) / Double(geometry.pool) / (geometry.halfBlock ? 2 : 1)
        let step = Self.niceStep(minimumCells: 3, cellsPerIndex: cellsPerRow)
        var lastRow = -10
        for index in stride(from: 0, to: matrix.rows, by: step) {
            let row = geometry.cellRow(ofMatrixRow: index)
            guard row - lastRow >= 2, row < geometry.height else { continue }
            frame.put(NumberFormat.padLeft(String(index), width), x: area.x + 1, y: area.y + row, style: styles.axis)
            lastRow = row
        }
        let selected = min(max(0, selectedRow), matrix.rows - 1)
        let marker: Character = styles.ascii ? ">" : "▶"
        frame[area.x, area.y + geometry.cellRow(ofMatrixRow: selected)] = styles.selection.cell(marker)
    }

    /// Key indices at round steps under the picture.
    private func drawColumnLabels(
        _ geometry: HeatmapGeometry, picture: Rect, _ frame: inout Frame, _ styles: ThemeStyles
    ) {
        let cellsPerColumn = Double(geometry.zoom * (geometry.halfBlock ? 1 : 2)) / Double(geometry.pool)
        let step = Self.niceStep(minimumCells: 6, cellsPerIndex: cellsPerColumn)
        var nextFree = picture.x
        for index in stride(from: 0, to: matrix.cols, by: step) {
            let label = String(index)
            let column = picture.x + geometry.cellColumn(ofMatrixColumn: index)
            // Labels end a cell before the picture's edge: the strip's label follows on the same row.
            guard column >= nextFree, column + label.count < picture.maxX else { continue }
            nextFree = frame.put(label, x: column, y: picture.maxY, style: styles.axis) + 1
        }
    }

    /// The smallest index step from 1, 2, 4, 8, … that puts labels at least `minimumCells` apart.
    static func niceStep(minimumCells: Int, cellsPerIndex: Double) -> Int {
        var step = 1
        while Double(step) * cellsPerIndex < Double(minimumCells), step < 1 << 20 { step *= 2 }
        return step
    }
}
