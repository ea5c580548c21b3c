import AttentionCore
import Testing

@testable import Training

/// The Swift runs against numpy's (scripts/make_training_fixtures.py). Both are float32 but sum in
/// different orders (numpy forms q = x_q W_q, Swift M = W_k W_qᵀ), so values agree to float32's
/// rounding at first and drift apart slowly as training amplifies the differences.
struct NumpyReferenceTests {
    let fixture: TrainingFixture

    init() throws {
        fixture = try TrainingFixture.load()
    }

    @Test func everyStreamMatchesTheVectorisedPythonGenerator() throws {
        let generator = GaussianGenerator(seed: fixture.generator.seed)
        let streams: [String: GaussianGenerator.Stream] = [
            "tokens": .trainingTokens, "query_noise": .trainingQueryNoise, "query_weights": .trainingQueryWeights,
            "key_weights": .trainingKeyWeights, "probe_tokens": .probeTokens, "probe_noise": .probeQueryNoise,
        ]
        #expect(streams.count == fixture.generator.streams.count)
        for (name, stream) in streams {
            let expected = try #require(fixture.generator.streams[name])
            let libm = try #require(fixture.generator.streamsLibm[name])
            var values = [Float](repeating: .nan, count: fixture.generator.rows * fixture.generator.columns)
            values.withUnsafeMutableBufferPointer {
                generator.fillSingle(
                    stream, rows: 0..<fixture.generator.rows, columns: fixture.generator.columns, scale: 1,
                    into: $0.baseAddress!)
            }
            // The float32 replica is the same operations: the same bits.
            #expect(values == expected.flatMap { $0 }, "stream \(name)")
            // Against libm in Double, the Float series are within a few units of Float's last place.
            for (value, reference) in zip(values, libm.flatMap { $0 }) {
                #expect(abs(value - reference) <= 1e-6 * max(1, abs(reference)), "stream \(name)")
            }
        }
    }

    @Test func batchAndGradientMatchNumpyAtEveryPolicy() throws {
        for case let reference in fixture.gradients {
            let task = reference.task.task
            let batch: Batch<Float> = task.batch(step: reference.step)
            #expect(batch.targets == reference.targets)
            #expect(maxDifference(batch.queries, reference.queries) <= 1e-6)
            let settings = RunSettings(
                task: task, dk: reference.dk, scale: TrainingFixture.policy(reference.scale), learningRate: 1,
                optimizer: .sgd)
            let head = RetrievalHead<Float>(dModel: task.dModel, n: task.n, batch: task.batch, dk: reference.dk)
            var workspace = RetrievalHead<Float>.Workspace(dModel: task.dModel, n: task.n, batch: task.batch)
            var gradient = RetrievalHead<Float>.Gradient(dModel: task.dModel, dk: reference.dk)
            let loss = head.lossAndGradient(
                task.initialWeights(dk: reference.dk), batch: batch, divisor: Float(settings.divisor),
                workspace: &workspace, gradient: &gradient)
            #expect(abs(Double(loss) - reference.loss) <= 1e-5 * reference.loss, "\(reference.scale)")
            let scale = max(reference.gradQuery.map(abs).max() ?? 0, reference.gradKey.map(abs).max() ?? 0)
            #expect(scale > 1e-4, "the gradient under test is not negligible")
            #expect(maxDifference(gradient.query, reference.gradQuery) <= 1e-4 * scale, "\(reference.scale)")
            #expect(maxDifference(gradient.key, reference.gradKey) <= 1e-4 * scale, "\(reference.scale)")
        }
    }

    @Test func probeAttentionMatchesNumpy() throws {
        let reference = try #require(fixture.probes.first)
        let run = TrainingRun(
            RunSettings(
                task: reference.task.task, dk: reference.dk, scale: TrainingFixture.policy(reference.scale),
                learningRate: 1, optimizer: .sgd))
        #expect(maxDifference(run.probeAttention, reference.attention) <= 1e-5)
    }

    @Test func runsFollowNumpyStepForStep() throws {
        for reference in fixture.runs {
            var run = TrainingRun(reference.settings)
            run.finish()
            let label = "\(reference.dk) \(reference.scale) \(reference.optimizer) lr \(reference.lr)"
            #expect(run.record.diverged == reference.diverged, "\(label)")
            #expect(run.record.losses.count == reference.losses.count, "\(label)")
            // Step for step while rounding cannot matter (numpy's own float32 and float64 runs agree to
            // 0.1 %), to twice that; past that (chaotic runs) the mean of the rest.
            let stable = reference.stableSteps
            let pairs = zip(run.record.losses, reference.losses).enumerated().prefix(stable)
            for (step, (loss, expected)) in pairs {
                #expect(abs(loss - expected) <= 2e-3 * expected, "\(label) step \(step)")
                let norm = run.record.gradientNorms[step], expectedNorm = reference.gradientNorms[step]
                #expect(abs(norm - expectedNorm) <= 2e-3 * expectedNorm, "\(label) step \(step)")
            }
            // Past them (a chaotic run: s = 1, a large SGD step) each conclusion must be the same.
            if stable < reference.losses.count, !reference.diverged {
                var expected = RunRecord(settings: run.settings)
                expected.losses = reference.losses
                #expect(run.record.verdict == expected.verdict, "\(label) after step \(stable)")
            }
        }
    }
}

func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count, "compared arrays differ in length: \(a.count) vs \(b.count)")
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}
