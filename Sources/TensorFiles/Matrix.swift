/// A dense row-major matrix of Float: the storage of Q, K, logits and weights.
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let cols: Int
    /// `rows × cols` values, row after row.
    public var values: [Float]

    /// A matrix over `values`, which must hold rows × cols entries, row after row.
    public init(rows: Int, cols: Int, values: [Float]) {
        precondition(values.count == rows * cols, "Matrix needs rows × cols values")
        self.rows = rows
        self.cols = cols
        self.values = values
    }

    /// A matrix with every entry `value`.
    public init(rows: Int, cols: Int, repeating value: Float = 0) {
        self.init(rows: rows, cols: cols, values: [Float](repeating: value, count: rows * cols))
    }

    public subscript(row: Int, col: Int) -> Float {
        get { values[row * cols + col] }
        set { values[row * cols + col] = newValue }
    }
}
