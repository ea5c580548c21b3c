import AttentionCore
import Testing

@testable import Training

/// The hand-written backward pass against central finite differences of the loss, in float64, for
/// every parameter of W_q and W_k, at each divisor policy (micrograd's test, at full precision).
struct GradientCheckTests {
    let task = RetrievalTask(dModel: 8, n: 5, batch: 6, noise: 0.3, steps: 1, seed: 5)

    @Test(arguments: [ScalePolicy.none, .sqrtDk, .dk, .fixed(2.5)], [4, 16])
    func everyParameterMatchesFiniteDifferences(scale: ScalePolicy, dk: Int) {
        let settings = RunSettings(task: task, dk: dk, scale: scale, learningRate: 1, optimizer: .sgd)
        let head = RetrievalHead<Double>(dModel: task.dModel, n: task.n, batch: task.batch, dk: dk)
        let batch: Batch<Double> = task.batch(step: 2)
        let divisor = settings.divisor
        // Weights a little away from the start, so the softmax rows are neither uniform nor one-hot.
        var weights: HeadWeights<Double> = task.initialWeights(dk: dk)
        for i in weights.query.indices { weights.query[i] *= 1.5 }
        var workspace = RetrievalHead<Double>.Workspace(dModel: task.dModel, n: task.n, batch: task.batch)
        var gradient = RetrievalHead<Double>.Gradient(dModel: task.dModel, dk: dk)
        _ = head.lossAndGradient(weights, batch: batch, divisor: divisor, workspace: &workspace, gradient: &gradient)
        var scratch = RetrievalHead<Double>.Gradient(dModel: task.dModel, dk: dk)
        func loss(_ w: HeadWeights<Double>) -> Double {
            head.lossAndGradient(w, batch: batch, divisor: divisor, workspace: &workspace, gradient: &scratch)
        }
        let h = 1e-6
        let largest = (gradient.query + gradient.key).map(abs).max() ?? 0
        #expect(largest > 1e-3, "the gradient checked is not negligible")
        for index in weights.query.indices {
            var plus = weights, minus = weights
            plus.query[index] += h
            minus.query[index] -= h
            let numeric = (loss(plus) - loss(minus)) / (2 * h)
            #expect(abs(numeric - gradient.query[index]) <= 1e-7 * largest, "W_q[\(index)] at \(scale.name)")
        }
        for index in weights.key.indices {
            var plus = weights, minus = weights
            plus.key[index] += h
            minus.key[index] -= h
            let numeric = (loss(plus) - loss(minus)) / (2 * h)
            #expect(abs(numeric - gradient.key[index]) <= 1e-7 * largest, "W_k[\(index)] at \(scale.name)")
        }
    }

    @Test func sgdStepsAgainstTheGradient() {
        var state = OptimizerState<Double>(.sgd, learningRate: 0.25, count: 3)
        var weights: [Double] = [1, -2, 0.5]
        state.update(&weights, gradient: [0.4, 0, -8], step: 1)
        #expect(weights == [0.9, -2, 2.5])
    }

    @Test func adamFollowsItsBiasCorrectedDefinition() {
        let rate = 0.01, epsilon = 1e-8
        var state = OptimizerState<Double>(.adam, learningRate: rate, count: 2)
        var weights: [Double] = [1, -1]
        let g1: [Double] = [0.5, -2e-9], g2: [Double] = [-0.25, 3]
        state.update(&weights, gradient: g1, step: 1)
        // Step 1: m̂ = g, v̂ = g², so each weight moves by lr·g/(|g| + ε): almost lr against the sign.
        let expected1 = zip([1.0, -1], g1).map { w, g in w - rate * g / (abs(g) + epsilon) }
        for (w, e) in zip(weights, expected1) { #expect(abs(w - e) <= 1e-15) }
        #expect(abs(weights[1] - (-1 + rate * 2e-9 / (2e-9 + epsilon))) <= 1e-15)
        state.update(&weights, gradient: g2, step: 2)
        for i in 0..<2 {
            let m = 0.9 * (0.1 * g1[i]) + 0.1 * g2[i]
            let v = 0.999 * (0.001 * g1[i] * g1[i]) + 0.001 * g2[i] * g2[i]
            let mHat = m / (1 - 0.9 * 0.9), vHat = v / (1 - 0.999 * 0.999)
            let expected = expected1[i] - rate * mHat / (vHat.squareRoot() + epsilon)
            #expect(abs(weights[i] - expected) <= 1e-12, "weight \(i)")
        }
    }
}

/// SGD on the Gram matrices (M, A, B) against SGD on the weights, in float64: the same M and the
/// same gradient norm at every step.
struct GramDescentTests {
    @Test(arguments: [ScalePolicy.none, .sqrtDk, .dk])
    func gramStepsFollowTheWeights(scale: ScalePolicy) {
        let task = RetrievalTask(dModel: 6, n: 5, batch: 7, noise: 0.3, steps: 8, seed: 9)
        let dk = 24
        let rate = 0.8
        let divisor = RunSettings(task: task, dk: dk, scale: scale, learningRate: rate, optimizer: .sgd).divisor
        let head = RetrievalHead<Double>(dModel: task.dModel, n: task.n, batch: task.batch, dk: dk)
        var weights: HeadWeights<Double> = task.initialWeights(dk: dk)
        var gram = GramDescent(weights, learningRate: rate)
        var sgdQuery = OptimizerState<Double>(.sgd, learningRate: rate, count: weights.query.count)
        var sgdKey = OptimizerState<Double>(.sgd, learningRate: rate, count: weights.key.count)
        var workspace = RetrievalHead<Double>.Workspace(dModel: task.dModel, n: task.n, batch: task.batch)
        var gramWorkspace = workspace
        var gradient = RetrievalHead<Double>.Gradient(dModel: task.dModel, dk: dk)
        for step in 0..<task.steps {
            let batch: Batch<Double> = task.batch(step: step)
            let loss = head.lossAndGradient(
                weights, batch: batch, divisor: divisor, workspace: &workspace, gradient: &gradient)
            gramWorkspace.product = gram.product
            let gramLoss = head.lossAndProductGradient(batch: batch, divisor: divisor, workspace: &gramWorkspace)
            #expect(abs(gramLoss - loss) <= 1e-12 * loss, "step \(step)")
            let norm = gram.step(productGradient: gramWorkspace.productGradient)
            #expect(abs(norm - gradient.norm) <= 1e-10 * gradient.norm, "step \(step)")
            sgdQuery.update(&weights.query, gradient: gradient.query, step: step + 1)
            sgdKey.update(&weights.key, gradient: gradient.key, step: step + 1)
            var product = [Double](repeating: 0, count: task.dModel * task.dModel)
            head.product(weights, into: &product)
            let scale = product.map(abs).max() ?? 1
            for (a, b) in zip(gram.product, product) { #expect(abs(a - b) <= 1e-10 * scale, "step \(step)") }
        }
    }

    @Test func sgdTakesTheGramPathOnlyWhereItIsCheaper() {
        #expect(!TrainingRun.gramIsCheaper(dModel: 64, dk: 64))
        #expect(TrainingRun.gramIsCheaper(dModel: 64, dk: 256))
    }
}
