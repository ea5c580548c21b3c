import Foundation
import TensorFiles
import Testing

@testable import AttentionCore

/// One case written by scripts/make_fixtures.py: float32 inputs and float64 numpy results.
struct ReferenceFixture: Decodable {
    struct Stats: Decodable {
        let logitMean, logitStd, entropyMean, entropyNormalizedMean, maxWeightMean: Double
        let effectiveTokensMean, jacobianFroMean, scoreGradMean: Double
        let regime: String
    }

    struct Histograms: Decodable {
        let bins: Int
        let logitRadius: Double
        let logits: [Int]
        let weights: [Int]
        let weightsUnderflow: Int
    }

    let name: String
    let n, m, d, dk: Int
    let scale: String
    let alpha: Double
    let causal: Bool
    let divisor: Double
    let q, k: [[Float]]
    let logits, weights: [[Double?]]
    let rowEntropy: [Double?]
    let stats: Stats
    let histograms: [Histograms]

    static let names = [
        "square_sqrt", "wide_causal_prefix_dk", "tall_causal_empty_rows", "unscaled_peaked", "dk_scaled_flat",
        "aligned_rho", "offset_fixed_divisor", "single_key",
    ]

    static func load(_ name: String) throws -> ReferenceFixture {
        let url = try #require(Bundle.module.resourceURL)
            .appendingPathComponent("Fixtures/attention/\(name).json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ReferenceFixture.self, from: Data(contentsOf: url))
    }

    var params: AttentionParams {
        let policy: ScalePolicy =
            switch scale {
            case "sqrt": .sqrtDk
            case "dk": .dk
            case "none": .none
            default: .fixed(Double(scale) ?? .nan)
            }
        return AttentionParams(n: n, m: m, dk: dk, scale: policy, alpha: alpha, causal: causal)
    }

    var queries: Matrix { Matrix(rows: n, cols: d, values: q.flatMap { $0 }) }
    var keys: Matrix { Matrix(rows: m, cols: d, values: k.flatMap { $0 }) }
}
