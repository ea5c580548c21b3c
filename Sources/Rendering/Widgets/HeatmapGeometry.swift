/// How an n × m matrix maps onto cells: pooled by an integer factor when it is larger than the
/// room, magnified by an integer factor when smaller, so every cell shows whole matrix entries.
struct HeatmapGeometry: Equatable {
    /// Half blocks: one pixel is 1 column × ½ row (about square). Otherwise a pixel is 2 columns ×
    /// 1 row (no colour, or `--ascii` without ▀).
    let halfBlock: Bool
    /// Matrix entries per pixel side (1 = no pooling).
    let pool: Int
    /// Pixels per pooled entry side (1 = no magnification).
    let zoom: Int
    /// Pooled matrix size.
    let pooledRows: Int
    let pooledCols: Int

    init(rows: Int, cols: Int, maxWidth: Int, maxHeight: Int, halfBlock: Bool) {
        self.halfBlock = halfBlock
        let capacityCols = max(1, halfBlock ? maxWidth : maxWidth / 2)
        let capacityRows = max(1, halfBlock ? maxHeight * 2 : maxHeight)
        let rows = max(1, rows), cols = max(1, cols)
        if rows <= capacityRows, cols <= capacityCols {
            pool = 1
            zoom = max(1, min(capacityRows / rows, capacityCols / cols))
        } else {
            pool = max((rows + capacityRows - 1) / capacityRows, (cols + capacityCols - 1) / capacityCols)
            zoom = 1
        }
        pooledRows = (rows + pool - 1) / pool
        pooledCols = (cols + pool - 1) / pool
    }

    /// Columns of cells the picture takes.
    var width: Int { pooledCols * zoom * (halfBlock ? 1 : 2) }
    /// Rows of cells the picture takes.
    var height: Int { halfBlock ? (pooledRows * zoom + 1) / 2 : pooledRows * zoom }

    /// The cell row showing matrix row `row`.
    func cellRow(ofMatrixRow row: Int) -> Int {
        let pixel = row / pool * zoom
        return halfBlock ? pixel / 2 : pixel
    }

    /// The first cell column showing matrix column `col`.
    func cellColumn(ofMatrixColumn col: Int) -> Int {
        col / pool * zoom * (halfBlock ? 1 : 2)
    }
}
