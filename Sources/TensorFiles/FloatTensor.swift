/// A tensor of Float values in row-major order, either viewing a file's bytes in memory (float32
/// data, no copy) or owning converted values (float16, bfloat16, float64 or unaligned float32).
public struct FloatTensor: Sendable {
    /// The dimensions, outermost first.
    public let shape: [Int]
    private let storage: Storage

    /// Where the values live; a class, so the pointer stays valid for as long as any copy of the tensor.
    private final class Storage: @unchecked Sendable {
        let pointer: UnsafePointer<Float>
        /// The file bytes the pointer points into, kept alive here; nil when the storage owns its values.
        let file: FileBytes?

        init(pointer: UnsafePointer<Float>, file: FileBytes) {
            self.pointer = pointer
            self.file = file
        }

        init(copying values: [Float]) {
            let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(values.count, 1))
            _ = buffer.initialize(from: values)
            pointer = UnsafePointer(buffer.baseAddress ?? UnsafeMutablePointer<Float>.allocate(capacity: 1))
            file = nil
        }

        deinit {
            if file == nil { UnsafeMutablePointer(mutating: pointer).deallocate() }
        }
    }

    /// The product of the shape.
    public var count: Int { shape.reduce(1, *) }

    /// A tensor holding a copy of `values` (shape product = values.count).
    public init(shape: [Int], values: [Float]) {
        precondition(shape.reduce(1, *) == values.count, "FloatTensor needs shape-product values")
        self.shape = shape
        storage = Storage(copying: values)
    }

    init(shape: [Int], viewing file: FileBytes, at pointer: UnsafePointer<Float>) {
        self.shape = shape
        storage = Storage(pointer: pointer, file: file)
    }

    /// Whether the values are the file's own bytes, viewed in place rather than converted.
    var isInPlace: Bool { storage.file != nil }

    /// The first value; valid while this tensor (or a copy) is alive: keep it with `withExtendedLifetime`.
    /// For BLAS calls that need several weights' pointers at once.
    public var unsafePointer: UnsafePointer<Float> { storage.pointer }

    /// Calls `body` with the values; the pointer is valid only inside `body`.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: storage.pointer, count: count)) }
    }

    /// The values as an array (a copy).
    public var values: [Float] { withUnsafeBufferPointer { Array($0) } }
}
