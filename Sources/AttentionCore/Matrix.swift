/// A dense row-major matrix of Float: the storage of Q, K, logits and weights.
public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let cols: Int
    /// `rows × cols` values, row after row.
    public var values: [Float]

    public init(rows: Int, cols: Int, values: [Float]) {
        precondition(values.count == rows * cols, "Matrix needs rows × cols values")
        self.rows = rows
        self.cols = cols
        self.values = values
    }

    public init(rows: Int, cols: Int, repeating value: Float = 0) {
        self.init(rows: rows, cols: cols, values: [Float](repeating: value, count: rows * cols))
    }

    public subscript(row: Int, col: Int) -> Float {
        get { values[row * cols + col] }
        set { values[row * cols + col] = newValue }
    }
}
