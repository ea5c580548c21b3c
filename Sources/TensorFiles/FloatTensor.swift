/// A tensor of Float values in row-major order, either viewing a mapped file (float32 data,
/// no copy) or owning converted values (float16, bfloat16, or unaligned float32).
public struct FloatTensor: Sendable {
    /// The dimensions, outermost first.
    public let shape: [Int]
    private let storage: Storage

    private enum Storage: @unchecked Sendable {
        /// `count` floats at `pointer`, kept alive by `file`.
        case mapped(file: MappedFile, pointer: UnsafePointer<Float>)
        case owned([Float])
    }

    /// The product of the shape.
    public var count: Int { shape.reduce(1, *) }

    /// A tensor owning `values` (shape product = values.count).
    public init(shape: [Int], values: [Float]) {
        precondition(shape.reduce(1, *) == values.count, "FloatTensor needs shape-product values")
        self.shape = shape
        storage = .owned(values)
    }

    init(shape: [Int], mappedIn file: MappedFile, at pointer: UnsafePointer<Float>) {
        self.shape = shape
        storage = .mapped(file: file, pointer: pointer)
    }

    /// Whether the values are read straight from the mapped file.
    public var isMapped: Bool {
        if case .mapped = storage { return true }
        return false
    }

    /// Calls `body` with the values; the pointer is valid only inside `body`.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        switch storage {
        case let .mapped(file, pointer):
            return try withExtendedLifetime(file) { try body(UnsafeBufferPointer(start: pointer, count: count)) }
        case let .owned(values):
            return try values.withUnsafeBufferPointer(body)
        }
    }

    /// The values as an array (a copy for mapped tensors).
    public var values: [Float] { withUnsafeBufferPointer { Array($0) } }
}
