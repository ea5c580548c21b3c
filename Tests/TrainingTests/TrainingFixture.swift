import AttentionCore
import Foundation
import Testing

@testable import Training

/// scripts/make_training_fixtures.py's numpy results (float32 runs of the same task, computed the
/// plain way round: q = x_q W_q, u = W_k q).
struct TrainingFixture: Decodable {
    struct Task: Decodable {
        let dModel, n, batch, steps: Int
        let noise: Double
        let seed: UInt64

        var task: RetrievalTask {
            RetrievalTask(dModel: dModel, n: n, batch: batch, noise: noise, steps: steps, seed: seed)
        }
    }

    struct Generator: Decodable {
        let seed: UInt64
        let rows, columns: Int
        let streams: [String: [[Float]]]
        let streamsLibm: [String: [[Float]]]
    }

    struct Gradient: Decodable {
        let task: Task
        let dk, step: Int
        let scale: String
        let loss: Double
        let queries: [Float]
        let targets: [Int]
        let gradQuery, gradKey: [Float]
    }

    struct Probe: Decodable {
        let task: Task
        let dk: Int
        let scale: String
        let attention: [Float]
    }

    struct Run: Decodable {
        let task: Task
        let dk: Int
        let scale: String
        let lr: Double
        let optimizer: String
        let losses, gradientNorms: [Float]
        let diverged: Bool
        /// Steps before numpy's float32 and float64 runs differ by 1 %: beyond, rounding decides.
        let stableSteps: Int

        var settings: RunSettings {
            RunSettings(
                task: task.task, dk: dk, scale: TrainingFixture.policy(scale), learningRate: lr,
                optimizer: Optimizer(rawValue: optimizer) ?? .sgd)
        }
    }

    let generator: Generator
    let gradients: [Gradient]
    let probes: [Probe]
    let runs: [Run]

    static func load() throws -> TrainingFixture {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/training.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(TrainingFixture.self, from: Data(contentsOf: url))
    }

    static func policy(_ name: String) -> ScalePolicy {
        switch name {
        case "sqrt": .sqrtDk
        case "dk": .dk
        case "none": .none
        default: .fixed(Double(name) ?? .nan)
        }
    }
}
