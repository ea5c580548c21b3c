import CGaussian
import Foundation
import Testing

@testable import AttentionCore

@Suite struct GaussianGeneratorTests {
    private struct GeneratorFixture: Decodable {
        let seed: UInt64
        let sigma, rho: Double
        let n, m, dims: Int
        let q, k: [[Float]]
    }

    private func inputs(seed: UInt64, sigma: Double = 1, rho: Double = 0, n: Int, m: Int, dims: Int) -> AttentionInputs
    {
        AttentionInputs(generated: GeneratedRecipe(seed: seed, sigma: sigma, rho: rho, n: n, m: m), dims: dims)
    }

    /// Entry (row, dim) of a dimension-major store with `count` columns.
    private func entry(_ storage: [Float], count: Int, row: Int, dim: Int) -> Float { storage[dim * count + row] }

    @Test func firstValuesArePinned() {
        let generated = inputs(seed: 0, n: 2, m: 2, dims: 3)
        let first = (0..<3).map { entry(generated.queries, count: 2, row: 0, dim: $0) }
        // Seed 0, sigma 1, rho 0: Q[0, 0..<3] and K[0, 0..<3], bit for bit on every machine.
        #expect(first == [-0.060383637, -0.49526626, 0.53644097])
        let key = (0..<3).map { entry(generated.keys, count: 2, row: 0, dim: $0) }
        #expect(key == [0.38236597, -1.5193411, 2.8129776])
    }

    @Test func matchesTheDocumentedAlgorithmWrittenInPython() throws {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/attention/generator.json")
        let fixture = try JSONDecoder().decode(GeneratorFixture.self, from: Data(contentsOf: url))
        let generated = inputs(
            seed: fixture.seed, sigma: fixture.sigma, rho: fixture.rho, n: fixture.n, m: fixture.m, dims: fixture.dims)
        for dim in 0..<fixture.dims {
            for row in 0..<fixture.n {
                let value = entry(generated.queries, count: fixture.n, row: row, dim: dim)
                #expect(abs(value - fixture.q[row][dim]) <= 1e-6 * max(1, abs(value)), "Q[\(row),\(dim)]")
            }
            for row in 0..<fixture.m {
                let value = entry(generated.keys, count: fixture.m, row: row, dim: dim)
                #expect(abs(value - fixture.k[row][dim]) <= 1e-6 * max(1, abs(value)), "K[\(row),\(dim)]")
            }
        }
    }

    @Test func everyEntryIsTheDocumentedFunctionOfSeedRowAndDim() {
        // n = 12, m = 20: blocks of eight rows that are whole, cut by n, and cut by min(n, m).
        let sigma = 0.8, rho = 0.5
        let generated = inputs(seed: 21, sigma: sigma, rho: rho, n: 12, m: 20, dims: 5)
        let generator = GaussianGenerator(seed: 21)
        for dim in 0..<5 {
            for row in 0..<12 {
                let expected = Float(sigma * generator.normal(.query, row: row, dim: dim))
                #expect(entry(generated.queries, count: 12, row: row, dim: dim) == expected)
            }
            for row in 0..<20 {
                let z = generator.normal(.noise, row: row, dim: dim)
                let mixed =
                    row < 12 ? rho * generator.normal(.query, row: row, dim: dim) + (1 - rho * rho).squareRoot() * z : z
                #expect(
                    entry(generated.keys, count: 20, row: row, dim: dim) == Float(sigma * mixed), "K[\(row), \(dim)]")
            }
        }
    }

    @Test func growingDimensionsKeepsEarlierEntries() {
        var grown = inputs(seed: 7, rho: 0.3, n: 5, m: 6, dims: 3)
        grown.grow(to: 10)
        grown.grow(to: 11)
        let fresh = inputs(seed: 7, rho: 0.3, n: 5, m: 6, dims: 11)
        #expect(grown.queries == fresh.queries)
        #expect(grown.keys == fresh.keys)
    }

    @Test func rowsDoNotDependOnTheNumberOfTokens() {
        let small = inputs(seed: 3, n: 4, m: 4, dims: 9)
        let large = inputs(seed: 3, n: 9, m: 9, dims: 9)
        for dim in 0..<9 {
            for row in 0..<4 {
                #expect(
                    entry(small.queries, count: 4, row: row, dim: dim)
                        == entry(large.queries, count: 9, row: row, dim: dim))
                #expect(
                    entry(small.keys, count: 4, row: row, dim: dim) == entry(large.keys, count: 9, row: row, dim: dim)
                )
            }
        }
    }

    @Test func parallelAndSerialFillAgree() {
        // 64 × 512 × 2 normals is above the parallel threshold; 8 dims at a time are below it.
        let parallel = inputs(seed: 11, n: 64, m: 64, dims: 512)
        var serial = inputs(seed: 11, n: 64, m: 64, dims: 8)
        for dims in stride(from: 16, through: 512, by: 8) { serial.grow(to: dims) }
        #expect(parallel.queries == serial.queries)
        #expect(parallel.keys == serial.keys)
    }

    @Test func normalsHaveMeanZeroAndVarianceOne() {
        let values = inputs(seed: 5, n: 64, m: 64, dims: 640).queries.map(Double.init)
        let count = Double(values.count)
        let mean = values.reduce(0, +) / count
        let variance = values.reduce(0) { $0 + $1 * $1 } / count - mean * mean
        let fourth = values.reduce(0) { $0 + $1 * $1 * $1 * $1 } / count
        #expect(abs(mean) < 0.02)
        #expect(abs(variance - 1) < 0.03)
        #expect(abs(fourth - 3) < 0.15)
        #expect(abs(GaussianGenerator(seed: 5).normal(.query, row: 3, dim: 7) - Double(values[7 * 64 + 3])) < 1e-6)
    }

    @Test func ownLogAndTrigMatchLibm() {
        for x in stride(from: 1e-300, to: 1, by: 0.0137) + [0x1p-52, 0.5, 1] {
            let own = attn_gaussian_log(x)
            #expect(abs(own - Foundation.log(x)) <= 1e-10 * max(1, abs(Foundation.log(x))))
        }
        for step in 0..<400 {
            let r = UInt64(step) * 11_258_999_068_426 + UInt64(step % 7)  // 2⁵²/400 apart, jittered
            var c = 0.0, s = 0.0
            attn_gaussian_cos_sin_turns(r, &c, &s)
            let angle = 2 * Double.pi * Double(r) * 0x1p-52
            #expect(abs(c - cos(angle)) < 1e-11)
            #expect(abs(s - sin(angle)) < 1e-11)
        }
    }

    @Test func singlePrecisionLogAndTrigAreWithinAFewUnitsOfFloat() {
        // Every u₁ the generator can draw is k·2⁻²⁴; every 97th of them, and both ends.
        var worstLog = 0.0
        for k in stride(from: 1, through: 1 << 24, by: 97) + [1 << 24] {
            let x = Float(k) * 0x1p-24
            let exact = Foundation.log(Double(x))
            if k < 1 << 24 { worstLog = max(worstLog, abs(Double(attn_gaussian_log_single(x)) - exact) / abs(exact)) }
        }
        #expect(attn_gaussian_log_single(1) == 0)
        #expect(worstLog < 3e-7, "worst relative error of ln \(worstLog)")
        var worstTrig = 0.0
        for r in stride(from: UInt32(0), to: 1 << 24, by: 13) {
            var c: Float = 0, s: Float = 0
            attn_gaussian_cos_sin_turns_single(r, &c, &s)
            let angle = 2 * Double.pi * Double(r) * 0x1p-24
            worstTrig = max(worstTrig, abs(Double(c) - cos(angle)), abs(Double(s) - sin(angle)))
        }
        #expect(worstTrig < 2e-7, "worst error of cos, sin \(worstTrig)")
    }

    @Test func everyCompiledVariantGivesTheSameBits() throws {
        // 21 rows (two whole vectors of eight and a partial one) × 45 columns (a partial block of 32),
        // scaled by 0.3 (not a power of two, so a fused multiply-add would show in the last bits).
        let (rows, columns) = (21, 45)
        func filled(_ variant: attn_gaussian_variant, single: Bool) -> [Float]? {
            var values = [Float](repeating: .nan, count: rows * columns)
            let (key, first, height, width) = (UInt64(0xABCD), Int64(1000), Int64(rows), Int64(columns))
            let ran = values.withUnsafeMutableBufferPointer {
                single
                    ? attn_gaussian_fill_single_variant(variant, key, first, height, width, 0.3, $0.baseAddress!)
                    : attn_gaussian_fill_variant(variant, key, first, height, width, 0.3, $0.baseAddress!)
            }
            return ran == 1 ? values : nil
        }
        for single in [false, true] {
            let baseline = try #require(filled(attn_gaussian_baseline, single: single))
            #expect(baseline.allSatisfy { $0.isFinite })
            var compared = 0
            for variant in [attn_gaussian_avx2, attn_gaussian_avx512] {
                guard let values = filled(variant, single: single) else { continue }
                #expect(values.map(\.bitPattern) == baseline.map(\.bitPattern), "variant \(variant.rawValue)")
                compared += 1
            }
            // The machine that runs the tests should run at least the AVX2 copy (x86-64 CI runners do).
            #if arch(x86_64)
                #expect(compared >= 1)
            #endif
        }
    }

    @Test func singlePrecisionEntriesDependOnRowAndDimOnly() {
        let generator = GaussianGenerator(seed: 4)
        func values(rows: Range<Int>, columns: Int) -> [Float] {
            var result = [Float](repeating: .nan, count: rows.count * columns)
            result.withUnsafeMutableBufferPointer {
                generator.fillSingle(.trainingTokens, rows: rows, columns: columns, scale: 1, into: $0.baseAddress!)
            }
            return result
        }
        let wide = values(rows: 0..<10, columns: 70)
        let narrow = values(rows: 3..<7, columns: 33)
        for row in 3..<7 {
            for dim in 0..<33 { #expect(narrow[(row - 3) * 33 + dim] == wide[row * 70 + dim]) }
        }
    }

    @Test func singlePrecisionNormalsHaveMeanZeroAndVarianceOne() {
        var values = [Float](repeating: .nan, count: 4096 * 64)
        values.withUnsafeMutableBufferPointer {
            GaussianGenerator(seed: 9).fillSingle(
                .trainingTokens, rows: 0..<4096, columns: 64, scale: 1, into: $0.baseAddress!)
        }
        let count = Double(values.count)
        let mean = values.reduce(0) { $0 + Double($1) } / count
        let variance = values.reduce(0) { $0 + Double($1) * Double($1) } / count - mean * mean
        let fourth = values.reduce(0) { $0 + pow(Double($1), 4) } / count
        let neighbours = zip(values, values.dropFirst()).reduce(0) { $0 + Double($1.0) * Double($1.1) } / count
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.01)
        #expect(abs(fourth - 3) < 0.06)
        #expect(abs(neighbours) < 0.01, "adjacent entries (the cos and sin of one pair) are uncorrelated")
    }

    @Test func keysAreAlignedWithQueriesByRho() {
        let generated = inputs(seed: 2, rho: 0.9, n: 8, m: 8, dims: 4096)
        var aligned = 0.0, other = 0.0
        for dim in 0..<4096 {
            aligned += Double(
                entry(generated.queries, count: 8, row: 3, dim: dim)
                    * entry(generated.keys, count: 8, row: 3, dim: dim))
            other += Double(
                entry(generated.queries, count: 8, row: 3, dim: dim)
                    * entry(generated.keys, count: 8, row: 4, dim: dim))
        }
        #expect(abs(aligned / 4096 - 0.9) < 0.08)
        #expect(abs(other / 4096) < 0.08)
    }
}
