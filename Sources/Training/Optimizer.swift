import Foundation

/// How a run turns gradients into weight updates.
public enum Optimizer: String, CaseIterable, Hashable, Sendable {
    /// Plain gradient descent: w ← w − lr·g.
    case sgd
    /// Adam (β₁ 0.9, β₂ 0.999, ε 1e-8) with bias-corrected moments.
    case adam

    /// The learning rates of the transfer grid: 2⁻⁴ … 2⁸ for SGD, 2⁻¹² … 2⁰ for Adam, by factors of 4.
    public var gridLearningRates: [Double] {
        let exponents = self == .sgd ? stride(from: -4, through: 8, by: 2) : stride(from: -12, through: 0, by: 2)
        return exponents.map { pow(2, Double($0)) }
    }

    /// The learning rate a run starts with unless told otherwise: where the divisors part ways at
    /// the lab's opening d_k (256).
    public var defaultLearningRate: Double { self == .sgd ? 4 : 1.0 / 64 }
}

/// An optimiser's state for one parameter matrix: Adam's two moments (SGD keeps none).
struct OptimizerState<T: TrainingScalar> {
    static var beta1: Double { 0.9 }
    static var beta2: Double { 0.999 }
    static var epsilon: Double { 1e-8 }

    let optimizer: Optimizer
    let learningRate: T
    private var first: [T]
    private var second: [T]

    init(_ optimizer: Optimizer, learningRate: Double, count: Int) {
        self.optimizer = optimizer
        self.learningRate = T(learningRate)
        first = optimizer == .adam ? Array(repeating: 0, count: count) : []
        second = optimizer == .adam ? Array(repeating: 0, count: count) : []
    }

    /// Applies update number `step` (counted from 1, for Adam's bias correction) to `weights`.
    @_specialize(where T == Float)
    mutating func update(_ weights: inout [T], gradient: [T], step: Int) {
        switch optimizer {
        case .sgd:
            gradient.withUnsafeBufferPointer { g in
                weights.withUnsafeMutableBufferPointer { w in
                    T.axpy(count: w.count, alpha: -learningRate, x: g.baseAddress!, y: w.baseAddress!)
                }
            }
        case .adam:
            let (b1, b2) = (T(Self.beta1), T(Self.beta2))
            let (c1, c2) = (T(1 - Self.beta1), T(1 - Self.beta2))
            // Bias corrections in Double, then rounded once (as numpy does with a Python float).
            let correction1 = T(1 - pow(Self.beta1, Double(step)))
            let correction2 = T(1 - pow(Self.beta2, Double(step)))
            let (rate, epsilon) = (learningRate, T(Self.epsilon))
            gradient.withUnsafeBufferPointer { g in
                weights.withUnsafeMutableBufferPointer { w in
                    first.withUnsafeMutableBufferPointer { m in
                        second.withUnsafeMutableBufferPointer { v in
                            for i in 0..<w.count {
                                m[i] = b1 * m[i] + c1 * g[i]
                                v[i] = b2 * v[i] + c2 * (g[i] * g[i])
                                let mHat = m[i] / correction1
                                let vHat = v[i] / correction2
                                w[i] -= rate * mHat / (vHat.squareRoot() + epsilon)
                            }
                        }
                    }
                }
            }
        }
    }
}
