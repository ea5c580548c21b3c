import COpenBLAS
import Dispatch
import Foundation

/// Raw dot products QKᵀ (undivided, n × m, row-major) per d_k for one set of inputs, so a new
/// divisor costs no matmul and a larger d_k adds only its new dimensions.
///
/// Every d_k above `directLimit` is computed as QKᵀ at the largest power of two P < d_k plus the
/// dimensions P..<d_k (one rank-(d_k − P) `sgemm` update), recursively. The result therefore does
/// not depend on the path the user took to reach d_k, and each checkpoint is reused by its
/// neighbours (doubling d_k, or ± a few dims, touches only the new dimensions).
struct DotProductCache {
    /// d_k at or below which QKᵀ is one direct `sgemm`.
    static let directLimit = 64
    /// Cached products are dropped (least recently used first) above this many floats,
    /// always keeping the one just computed (32 MB: the whole checkpoint chain up to d_k = 4096
    /// at n = m = 1024).
    static let budgetFloats = 8 << 20

    private var entries: [Int: [Float]] = [:]
    private var lastUse: [Int: Int] = [:]
    private var clock = 0
    /// Number of `sgemm` calls made so far: lets tests prove a divisor change does no matmul.
    private(set) var matmulCount = 0

    /// QKᵀ over the first `dk` dimensions of `inputs` (which must hold at least `dk`).
    mutating func dots(_ dk: Int, inputs: AttentionInputs) -> [Float] {
        clock += 1
        if let cached = entries[dk] {
            lastUse[dk] = clock
            return cached
        }
        var product: [Float]
        if dk <= Self.directLimit {
            product = [Float](repeating: 0, count: inputs.n * inputs.m)
            accumulate(into: &product, dims: 0..<dk, inputs: inputs)
        } else {
            let checkpoint = Self.checkpoint(below: dk)
            product = dots(checkpoint, inputs: inputs)
            accumulate(into: &product, dims: checkpoint..<dk, inputs: inputs)
        }
        store(product, for: dk)
        return product
    }

    /// Forgets every cached product (benchmarks time the matmul with this).
    mutating func removeAll() {
        entries.removeAll()
        lastUse.removeAll()
    }

    /// The largest power of two strictly below `dk` (dk > directLimit).
    static func checkpoint(below dk: Int) -> Int {
        1 << (Int.bitWidth - 1 - (dk - 1).leadingZeroBitCount)
    }

    /// Products of at least this many multiply-adds are split by rows across the cores.
    static let parallelThreshold = 1 << 22

    /// OpenBLAS runs single-threaded and the engine splits rows itself: OpenBLAS' idle workers
    /// spin (sched_yield) after every call and would steal a core from the softmax that follows.
    /// Its worker threads, started when the library loads and spinning for their first ~0.1 s,
    /// are shut down too: a one-shot `snapshot` would otherwise share its two cores with them.
    static let singleThreadedBLAS: Void = {
        openblas_set_num_threads(1)
        _ = blas_thread_shutdown_()
    }()

    /// product += Q[:, dims] · K[:, dims]ᵀ with `sgemm` (beta = 1), one call per row chunk.
    private mutating func accumulate(into product: inout [Float], dims: Range<Int>, inputs: AttentionInputs) {
        guard !dims.isEmpty else { return }
        _ = Self.singleThreadedBLAS
        matmulCount += 1
        let n = inputs.n, m = inputs.m, depth = dims.count
        let work = n * m * depth
        let chunks = work < Self.parallelThreshold ? 1 : min(n, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let rowsPerChunk = (n + chunks - 1) / chunks
        // Where dimension `dims.lowerBound` of row 0 starts, the step from row to row (in the
        // operand's own storage), and how sgemm must read each operand.
        let rowMajor = inputs.layout == .rowMajor
        let (qStart, kStart) =
            rowMajor ? (dims.lowerBound, dims.lowerBound) : (dims.lowerBound * n, dims.lowerBound * m)
        let (qStride, kStride) = rowMajor ? (inputs.dims, inputs.dims) : (n, m)
        let (qRowStep, transQ, transK) =
            rowMajor ? (inputs.dims, CblasNoTrans, CblasTrans) : (1, CblasTrans, CblasNoTrans)
        inputs.queries.withUnsafeBufferPointer { q in
            inputs.keys.withUnsafeBufferPointer { k in
                product.withUnsafeMutableBufferPointer { c in
                    let a = SendablePointer(UnsafeMutablePointer(mutating: q.baseAddress.map { $0 + qStart }))
                    let b = SendablePointer(UnsafeMutablePointer(mutating: k.baseAddress.map { $0 + kStart }))
                    let out = SendablePointer(c.baseAddress)
                    let body = { @Sendable (chunk: Int) in
                        let first = chunk * rowsPerChunk, rows = min(n - first, rowsPerChunk)
                        guard rows > 0, let a = a.pointer, let b = b.pointer, let out = out.pointer else { return }
                        cblas_sgemm(
                            CblasRowMajor, transQ, transK, Int32(rows), Int32(m), Int32(depth), 1,
                            a + first * qRowStep, Int32(qStride), b, Int32(kStride), 1, out + first * m, Int32(m))
                    }
                    if chunks == 1 {
                        body(0)
                    } else {
                        DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
                    }
                }
            }
        }
    }

    private mutating func store(_ product: [Float], for dk: Int) {
        entries[dk] = product
        lastUse[dk] = clock
        var total = entries.values.reduce(0) { $0 + $1.count }
        while total > Self.budgetFloats, entries.count > 1,
            let oldest = lastUse.filter({ $0.key != dk }).min(by: { $0.value < $1.value })?.key
        {
            total -= entries[oldest]?.count ?? 0
            entries[oldest] = nil
            lastUse[oldest] = nil
        }
    }
}
