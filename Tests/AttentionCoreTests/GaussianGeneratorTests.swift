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

    private func inputs(seed: UInt64, sigma: Double = 1, rho: Double = 0, n: Int, m: Int, dims: Int) -> AttentionInputs {
        AttentionInputs(generated: GeneratedRecipe(seed: seed, sigma: sigma, rho: rho, n: n, m: m), dims: dims)
    }

    /// Entry (row, dim) of a dimension-major store with `count` columns.
    private func entry(_ storage: [Float], count: Int, row: Int, dim: Int) -> Float { storage[dim * count + row] }

    @Test func firstValuesArePinned() {
        let generated = inputs(seed: 0, n: 2, m: 2, dims: 3)
        let first = (0..<3).map { entry(generated.queriesT, count: 2, row: 0, dim: $0) }
        // Seed 0, sigma 1, rho 0: Q[0, 0..<3] and K[0, 0..<3], bit for bit on every machine.
        #expect(first == [-0.250689059, -2.0561502, 1.79859936])
        let key = (0..<3).map { entry(generated.keysT, count: 2, row: 0, dim: $0) }
        #expect(key == [0.203268126, -0.807691216, 0.196549475])
    }

    @Test func matchesTheDocumentedAlgorithmWrittenInPython() throws {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/attention/generator.json")
        let fixture = try JSONDecoder().decode(GeneratorFixture.self, from: Data(contentsOf: url))
        let generated = inputs(
            seed: fixture.seed, sigma: fixture.sigma, rho: fixture.rho, n: fixture.n, m: fixture.m, dims: fixture.dims)
        for dim in 0..<fixture.dims {
            for row in 0..<fixture.n {
                let value = entry(generated.queriesT, count: fixture.n, row: row, dim: dim)
                #expect(abs(value - fixture.q[row][dim]) <= 1e-6 * max(1, abs(value)), "Q[\(row),\(dim)]")
            }
            for row in 0..<fixture.m {
                let value = entry(generated.keysT, count: fixture.m, row: row, dim: dim)
                #expect(abs(value - fixture.k[row][dim]) <= 1e-6 * max(1, abs(value)), "K[\(row),\(dim)]")
            }
        }
    }

    @Test func growingDimensionsKeepsEarlierEntries() {
        var grown = inputs(seed: 7, rho: 0.3, n: 5, m: 6, dims: 3)
        grown.grow(to: 10)
        grown.grow(to: 11)
        let fresh = inputs(seed: 7, rho: 0.3, n: 5, m: 6, dims: 11)
        #expect(grown.queriesT == fresh.queriesT)
        #expect(grown.keysT == fresh.keysT)
    }

    @Test func rowsDoNotDependOnTheNumberOfTokens() {
        let small = inputs(seed: 3, n: 4, m: 4, dims: 9)
        let large = inputs(seed: 3, n: 9, m: 9, dims: 9)
        for dim in 0..<9 {
            for row in 0..<4 {
                #expect(entry(small.queriesT, count: 4, row: row, dim: dim) == entry(large.queriesT, count: 9, row: row, dim: dim))
                #expect(entry(small.keysT, count: 4, row: row, dim: dim) == entry(large.keysT, count: 9, row: row, dim: dim))
            }
        }
    }

    @Test func parallelAndSerialFillAgree() {
        // 64 × 512 × 2 normals is above the parallel threshold; 8 dims at a time are below it.
        let parallel = inputs(seed: 11, n: 64, m: 64, dims: 512)
        var serial = inputs(seed: 11, n: 64, m: 64, dims: 8)
        for dims in stride(from: 16, through: 512, by: 8) { serial.grow(to: dims) }
        #expect(parallel.queriesT == serial.queriesT)
        #expect(parallel.keysT == serial.keysT)
    }

    @Test func normalsHaveMeanZeroAndVarianceOne() {
        let generator = GaussianGenerator(seed: 5)
        var sum = 0.0, sumSquares = 0.0, sumFourth = 0.0
        let count = 40_000
        for index in 0..<count {
            let value = generator.normal(.query, row: index / 100, dim: index % 100)
            sum += value
            sumSquares += value * value
            sumFourth += value * value * value * value
        }
        let mean = sum / Double(count), variance = sumSquares / Double(count) - mean * mean
        #expect(abs(mean) < 0.02)
        #expect(abs(variance - 1) < 0.03)
        #expect(abs(sumFourth / Double(count) - 3) < 0.15)
    }

    @Test func ownLogAndTrigMatchLibm() {
        for x in stride(from: 1e-300, to: 1, by: 0.0137) + [0x1p-53, 0.5, 1] {
            #expect(abs(GaussianGenerator.log(x) - Foundation.log(x)) <= 1e-15 * max(1, abs(Foundation.log(x))))
        }
        for t in stride(from: 0.0, to: 1, by: 0.00913) {
            let (c, s) = GaussianGenerator.cosSinTurns(t)
            #expect(abs(c - cos(2 * .pi * t)) < 1e-15)
            #expect(abs(s - sin(2 * .pi * t)) < 1e-15)
        }
    }

    @Test func keysAreAlignedWithQueriesByRho() {
        let generated = inputs(seed: 2, rho: 0.9, n: 8, m: 8, dims: 4096)
        var aligned = 0.0, other = 0.0
        for dim in 0..<4096 {
            aligned += Double(entry(generated.queriesT, count: 8, row: 3, dim: dim) * entry(generated.keysT, count: 8, row: 3, dim: dim))
            other += Double(entry(generated.queriesT, count: 8, row: 3, dim: dim) * entry(generated.keysT, count: 8, row: 4, dim: dim))
        }
        #expect(abs(aligned / 4096 - 0.9) < 0.08)
        #expect(abs(other / 4096) < 0.08)
    }
}
