import Foundation
import TensorFiles
import Testing

@testable import AttentionCore

@Suite struct AttentionEngineTests {
    @Test func divisorOnlyChangeReusesDotProducts() throws {
        let engine = AttentionEngine()
        var params = AttentionParams(n: 32, dk: 256)
        let first = try engine.compute(params)
        let matmuls = engine.matmulCount
        params.alpha = 2
        let second = try engine.compute(params)
        params.scale = .dk
        _ = try engine.compute(params)
        params.scale = .fixed(0.5)
        _ = try engine.compute(params)
        _ = try engine.divisorCurve(params)
        #expect(engine.matmulCount == matmuls)
        #expect(second.divisor == 2 * first.divisor)
        for index in stride(from: 0, to: 32 * 32, by: 37) {
            #expect(
                abs(second.logits.values[index] * 2 - first.logits.values[index]) <= 1e-5
                    * abs(first.logits.values[index]))
        }
    }

    @Test func growingDkAddsOnlyTheNewDimensions() throws {
        let engine = AttentionEngine()
        var params = AttentionParams(n: 16, dk: 64)
        _ = try engine.compute(params)
        let before = engine.matmulCount
        params.dk = 128
        _ = try engine.compute(params)
        #expect(engine.matmulCount == before + 1)
        params.dk = 64
        _ = try engine.compute(params)
        #expect(engine.matmulCount == before + 1)
    }

    @Test func resultsDoNotDependOnThePathToDk() throws {
        let walked = AttentionEngine()
        var params = AttentionParams(n: 12, m: 20, dk: 64, seed: 9, rho: 0.4, causal: true)
        for dk in [64, 128, 256, 129, 300, 100] {
            params.dk = dk
            _ = try walked.compute(params)
        }
        let fresh = try AttentionEngine().compute(params)
        let reached = try walked.compute(params)
        #expect(reached.logits == fresh.logits)
        #expect(reached.weights == fresh.weights)
        #expect(reached.stats == fresh.stats)
    }

    @Test func generatedMatchesTheSameInputsGivenAsMatrices() throws {
        let params = AttentionParams(n: 6, m: 9, dk: 70, seed: 4, sigma: 0.7, rho: 0.5, causal: true)
        let generated = try AttentionEngine().compute(params)
        let inputs = AttentionInputs(
            generated: GeneratedRecipe(seed: 4, sigma: 0.7, rho: 0.5, n: 6, m: 9), dims: 70)
        let q = Matrix(rows: 70, cols: 6, values: inputs.queries).transposed
        let k = Matrix(rows: 70, cols: 9, values: inputs.keys).transposed
        let fromMatrices = try AttentionEngine().compute(q: q, k: k, params: params)
        // Matrices are multiplied in the layout they come in (row-major, no transpose), generated
        // inputs dimension-major: sgemm sums in another order, so the two agree to Float rounding.
        let pairs = zip(fromMatrices.logits.values, generated.logits.values)
        #expect(pairs.allSatisfy { $0 == $1 || abs($0 - $1) <= 2e-6 * max(1, abs($1)) })
        #expect(fromMatrices.logits.values.map(\.isFinite) == generated.logits.values.map(\.isFinite))
        #expect(abs(fromMatrices.stats.entropyMean - generated.stats.entropyMean) < 1e-6)
        #expect(fromMatrices.stats.logitStdExpected == nil)
        #expect(generated.stats.logitStdExpected != nil)
    }

    @Test func hugeFileValuesStayFinite() throws {
        let big = Float.greatestFiniteMagnitude / 2
        let q = Matrix(rows: 2, cols: 3, values: [big, -big, big, 1, 2, 3])
        let k = Matrix(rows: 3, cols: 3, values: [big, big, big, -big, 0, 1, 1e-30, 2, 3])
        for divisor in [1e-6, 1, 1e6] {
            let result = try AttentionEngine().compute(
                q: q, k: k, params: AttentionParams(dk: 3, scale: .fixed(divisor)))
            #expect(result.weights.values.allSatisfy { $0.isFinite })
            #expect(result.logits.values.allSatisfy { $0.isFinite })
            let stats = result.stats
            for value in [stats.logitMean, stats.logitStd, stats.entropyMean, stats.jacobianFroMean] {
                #expect(value.isFinite)
            }
        }
    }

    @Test func matricesWithDifferentDAreRejectedNamingBoth() {
        let q = Matrix(rows: 2, cols: 3), k = Matrix(rows: 2, cols: 4)
        #expect(throws: AttentionError.shapeMismatch("Q has d = 3 but K has d = 4: Q and K need the same d")) {
            try AttentionEngine().compute(q: q, k: k, params: AttentionParams(dk: 3))
        }
    }

    @Test func dkBeyondTheInputsNamesTheParameter() {
        let q = Matrix(rows: 2, cols: 3), k = Matrix(rows: 2, cols: 3)
        #expect(throws: AttentionError.outOfRange(.dk, value: "4", allowed: "1–3, the inputs' d")) {
            try AttentionEngine().compute(q: q, k: k, params: AttentionParams(dk: 4))
        }
    }

    @Test func allFileColumnsUsesTheInputsD() throws {
        let q = Matrix(rows: 2, cols: 5, repeating: 1), k = Matrix(rows: 3, cols: 5, repeating: 1)
        let params = AttentionParams(dk: AttentionParams.allFileColumns, source: .files(q: "q.npy", k: "k.npy"))
        let result = try AttentionEngine().compute(q: q, k: k, params: params)
        #expect(result.params.dk == 5)
        #expect(result.params.n == 2)
        #expect(result.params.m == 3)
        #expect(result.logits[1, 2] == Float(5 / 5.0.squareRoot()))
    }

    @Test func unreadableFilesAreReportedNamingTheFile() {
        let params = AttentionParams(source: .files(q: "/nonexistent/q.npy", k: "/nonexistent/k.npy"))
        #expect(throws: AttentionError.self) { try fileEngine().compute(params) }
        do {
            _ = try fileEngine().compute(params)
        } catch {
            #expect(error.description.contains("/nonexistent/q.npy"))
        }
        // The core reads no files: an engine without a provider refuses file inputs.
        #expect(throws: AttentionError.shapeMismatch("no Q and K were handed to the engine for these inputs")) {
            try AttentionEngine().compute(params)
        }
    }

    @Test func causalRowsWithoutKeysAreEmptyAndLeftOutOfMeans() throws {
        let result = try AttentionEngine().compute(AttentionParams(n: 6, m: 2, dk: 8, causal: true))
        for row in 0..<4 {
            #expect(result.visibleKeys(row: row).isEmpty)
            #expect((0..<2).allSatisfy { result.weights[row, $0] == 0 && result.logits[row, $0] == -.infinity })
        }
        // Rows 4 and 5 see 1 and 2 keys: max weights 1 and ≥ 0.5, so the mean is ≥ 0.75.
        #expect(result.stats.maxWeightMean >= 0.75)
        #expect(result.weights[4, 0] == 1)
        #expect(result.unmaskedCount == 3)
    }

    @Test func expectedLogitStdFollowsTheIidTheory() throws {
        let result = try AttentionEngine().compute(AttentionParams(n: 128, dk: 512, sigma: 0.5, scale: .none))
        let expected = try #require(result.stats.logitStdExpected)
        #expect(abs(expected - 0.25 * 512.0.squareRoot()) < 1e-12)
        #expect(abs(result.stats.logitStd / expected - 1) < 0.05)
    }

    @Test func expectedLogitStdWithRhoCountsTheAlignedMixture() throws {
        let params = AttentionParams(n: 128, dk: 1024, rho: 0.8)
        let result = try AttentionEngine().compute(params)
        let expected = try #require(result.stats.logitStdExpected)
        #expect(expected > 1.05)
        #expect(abs(result.stats.logitStd / expected - 1) < 0.08)
        let causal = AttentionParams(n: 8, m: 4, dk: 16, rho: 0.5, causal: true)
        // With n > m the causal mask hides every aligned entry: the plain iid value remains.
        let hidden = try #require(try AttentionEngine().compute(causal).stats.logitStdExpected)
        #expect(abs(hidden - 1) < 1e-12)
    }
}

extension Matrix {
    /// The transpose, for building row-major test inputs from dimension-major storage.
    var transposed: Matrix {
        var out = Matrix(rows: cols, cols: rows)
        for r in 0..<rows {
            for c in 0..<cols { out[c, r] = self[r, c] }
        }
        return out
    }
}

@Suite struct DotProductTests {
    @Test func rowSplitMatmulMatchesPlainDotProducts() {
        // The last step (dims 512..<1024 of 128 × 112) is above the threshold for splitting rows.
        let inputs = AttentionInputs(
            generated: GeneratedRecipe(seed: 8, sigma: 1, rho: 0.3, n: 128, m: 112), dims: 1024)
        #expect(128 * 112 * 512 >= DotProductCache.parallelThreshold)
        var cache = DotProductCache()
        let dots = cache.dots(1024, inputs: inputs)
        for (i, j) in [(0, 0), (47, 3), (64, 111), (127, 40)] {
            var exact = 0.0
            for d in 0..<1024 { exact += Double(inputs.queries[d * 128 + i]) * Double(inputs.keys[d * 112 + j]) }
            #expect(abs(Double(dots[i * 112 + j]) - exact) < 1e-3, "(\(i), \(j))")
        }
    }

    @Test func checkpointsArePowersOfTwo() {
        #expect(DotProductCache.checkpoint(below: 65) == 64)
        #expect(DotProductCache.checkpoint(below: 128) == 64)
        #expect(DotProductCache.checkpoint(below: 129) == 128)
        #expect(DotProductCache.checkpoint(below: 65536) == 32768)
    }
}

@Suite struct FileInputTests {
    /// A float32, C-order .npy file of `rows × cols` values (format 1.0).
    private func writeNPY(_ values: [Float], rows: Int, cols: Int, name: String) throws -> String {
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows), \(cols)), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        let length = header.utf8.count
        var data = Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])  // \x93NUMPY, version 1.0
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(Data(header.utf8))
        values.withUnsafeBytes { data.append(contentsOf: $0) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("core-\(UUID().uuidString)-\(name)")
            .path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func fileInputsAreReadOnceAndCutToDk() throws {
        let q = try writeNPY((0..<12).map(Float.init), rows: 3, cols: 4, name: "q.npy")
        let k = try writeNPY((0..<8).map { Float($0) / 8 }, rows: 2, cols: 4, name: "k.npy")
        let engine = fileEngine()
        var params = AttentionParams(dk: AttentionParams.allFileColumns, scale: .none, source: .files(q: q, k: k))
        let all = try engine.compute(params)
        #expect(all.params.n == 3 && all.params.m == 2 && all.params.dk == 4)
        let dot: Float = 4 * 4 + 5 * 5 + 6 * 6 + 7 * 7
        #expect(all.logits[1, 1] == dot / 8)
        #expect(all.stats.logitStdExpected == nil)
        params.dk = 2
        let cut = try engine.compute(params)
        let shorter: Float = 4 * 4 + 5 * 5
        #expect(cut.logits[1, 1] == shorter / 8)
        params.dk = 5
        #expect(throws: AttentionError.outOfRange(.dk, value: "5", allowed: "1–4, the inputs' d")) {
            try engine.compute(params)
        }
    }

    @Test func filesWithDifferentDAreRejectedNamingBoth() throws {
        let q = try writeNPY([1, 2, 3, 4], rows: 2, cols: 2, name: "q.npy")
        let k = try writeNPY([1, 2, 3], rows: 1, cols: 3, name: "k.npy")
        let params = AttentionParams(dk: AttentionParams.allFileColumns, source: .files(q: q, k: k))
        #expect(throws: AttentionError.shapeMismatch("\(q) has d = 2 but \(k) has d = 3: Q and K need the same d")) {
            try fileEngine().compute(params)
        }
    }
}

/// An engine handed `.npy` files the way the command hands them (the core reads no files itself).
private func fileEngine() -> AttentionEngine {
    AttentionEngine { source throws(AttentionError) in
        guard case let .files(q, k) = source else { throw .shapeMismatch("files only") }
        func read(_ path: String) throws(AttentionError) -> Matrix {
            do {
                return try NPYReader.read(path: path)
            } catch {
                if case .fileNotFound = error { throw .fileNotFound(path: path) }
                throw .badFile(path: path, reason: error.description)
            }
        }
        return (try read(q), try read(k))
    }
}

/// Generated dimensions kept beyond d_k stay within `AttentionInputs.spareBudgetFloats`: a large
/// d_k and back gives its memory back (issue 17, point 10), and the numbers do not change when the
/// dropped dimensions are generated again.
@Test func aLargeDkAndBackKeepsOnlyTheSpareBudget() throws {
    let engine = AttentionEngine()
    let medium = AttentionParams(n: 12, dk: 2048)
    let first = try engine.compute(medium)
    _ = try engine.compute(AttentionParams(n: 12, dk: 65536))
    #expect(engine.storedInputFloats == 65536 * 24, "the large d_k's inputs are there while it is on screen")
    _ = try engine.compute(AttentionParams(n: 12, dk: 64))
    let kept = try #require(engine.storedInputFloats)
    #expect(kept <= 64 * 24 + AttentionInputs.spareBudgetFloats, "\(kept) floats kept back at d_k 64")
    #expect(kept < 65536 * 24)
    let regenerated = try engine.compute(medium)
    #expect(regenerated.logits.values == first.logits.values, "dropped dimensions come back bit for bit")
}
