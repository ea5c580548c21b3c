/// Gradient descent on W_q and W_k tracked through three d_model × d_model matrices:
/// M = W_k W_qᵀ, A = W_k W_kᵀ and B = W_q W_qᵀ.
///
/// The loss sees the weights only through M, and an SGD step W_k −= η G_k, W_q −= η G_q with
/// G_k = (∂L/∂M) W_q and G_q = (∂L/∂M)ᵀ W_k maps (M, A, B) to matrices of (M, A, B, ∂L/∂M) alone:
/// with D = ∂L/∂M,
///     M' = M − η(A D + D B) + η² D Mᵀ D,
///     A' = A − η(D Mᵀ + M Dᵀ) + η² D B Dᵀ,
///     B' = B − η(Dᵀ M + Mᵀ D) + η² Dᵀ A D,
/// and ‖G_k‖² = tr(D B Dᵀ), ‖G_q‖² = tr(Dᵀ A D). So an SGD step costs O(d_model³) whatever d_k
/// is; d_k enters through the starting matrices (A ≈ B ≈ d_k/d_model · I) and the divisor.
/// Adam's update is per coordinate of W and cannot take this path.
struct GramDescent<T: TrainingScalar> {
    /// M = W_k W_qᵀ, what the loss depends on.
    private(set) var product: [T]
    private var keyGram: [T]
    private var queryGram: [T]
    private let dModel: Int
    private let learningRate: T
    // Products of one step, allocated once.
    private var keyGramTimesD: [T]
    private var dTimesQueryGram: [T]
    private var transposedDTimesProduct: [T]
    private var scratch: [T]

    init(_ weights: HeadWeights<T>, learningRate: Double) {
        let (d, dk) = (weights.dModel, weights.dk)
        dModel = d
        self.learningRate = T(learningRate)
        func gram(_ x: [T], _ y: [T]) -> [T] {
            var result = [T](repeating: 0, count: d * d)
            x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in
                    result.withUnsafeMutableBufferPointer { r in
                        T.gemm(
                            transposeA: false, transposeB: true, m: d, n: d, k: dk, alpha: 1, a: x.baseAddress!,
                            lda: dk, b: y.baseAddress!, ldb: dk, beta: 0, c: r.baseAddress!, ldc: d)
                    }
                }
            }
            return result
        }
        product = gram(weights.key, weights.query)
        keyGram = gram(weights.key, weights.key)
        queryGram = gram(weights.query, weights.query)
        keyGramTimesD = Array(repeating: 0, count: d * d)
        dTimesQueryGram = Array(repeating: 0, count: d * d)
        transposedDTimesProduct = Array(repeating: 0, count: d * d)
        scratch = Array(repeating: 0, count: d * d)
    }

    /// One SGD step for ∂L/∂M = `d`; returns ‖(G_q, G_k)‖, the norm of the gradient it followed.
    @_specialize(where T == Float)
    mutating func step(productGradient d: [T]) -> T {
        let eta = learningRate
        // P = A D and Q = D B (needed by M', the norms and B', A').
        multiply(keyGram, false, d, false, into: &keyGramTimesD)
        multiply(d, false, queryGram, false, into: &dTimesQueryGram)
        let keyNorm = frobeniusInner(dTimesQueryGram, d)
        let queryNorm = frobeniusInner(keyGramTimesD, d)
        let oldProduct = product
        // M' = M − η(P + Q) + η² (D Mᵀ) D.
        multiply(d, false, oldProduct, true, into: &scratch)
        let dTimesProductT = scratch
        multiply(dTimesProductT, false, d, false, into: &scratch)
        Self.update(&product, eta: eta, first: keyGramTimesD, second: dTimesQueryGram, square: scratch)
        // A' = A − η(S + Sᵀ) + η² Q Dᵀ with S = D Mᵀ.
        multiply(dTimesQueryGram, false, d, true, into: &scratch)
        Self.updateSymmetric(&keyGram, eta: eta, part: dTimesProductT, square: scratch, size: dModel)
        // B' = B − η(R + Rᵀ) + η² Dᵀ P with R = Dᵀ M.
        multiply(d, true, oldProduct, false, into: &transposedDTimesProduct)
        multiply(d, true, keyGramTimesD, false, into: &scratch)
        Self.updateSymmetric(&queryGram, eta: eta, part: transposedDTimesProduct, square: scratch, size: dModel)
        return (keyNorm + queryNorm).squareRoot()
    }

    /// x += −η(first + second) + η² square, elementwise (on pointers: the loop vectorises).
    @_specialize(where T == Float)
    private static func update(_ x: inout [T], eta: T, first: [T], second: [T], square: [T]) {
        x.withUnsafeMutableBufferPointer { x in
            first.withUnsafeBufferPointer { first in
                second.withUnsafeBufferPointer { second in
                    square.withUnsafeBufferPointer { square in
                        for i in 0..<x.count { x[i] += -eta * (first[i] + second[i]) + eta * eta * square[i] }
                    }
                }
            }
        }
    }

    /// x += −η(part + partᵀ) + η² square, for size × size matrices.
    @_specialize(where T == Float)
    private static func updateSymmetric(_ x: inout [T], eta: T, part: [T], square: [T], size: Int) {
        x.withUnsafeMutableBufferPointer { x in
            part.withUnsafeBufferPointer { part in
                square.withUnsafeBufferPointer { square in
                    for row in 0..<size {
                        for column in 0..<size {
                            let i = row * size + column
                            x[i] += -eta * (part[i] + part[column * size + row]) + eta * eta * square[i]
                        }
                    }
                }
            }
        }
    }

    /// result = op(x) · op(y), all d_model × d_model.
    @_specialize(where T == Float)
    private func multiply(_ x: [T], _ transposeX: Bool, _ y: [T], _ transposeY: Bool, into result: inout [T]) {
        let d = dModel
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                result.withUnsafeMutableBufferPointer { r in
                    T.gemm(
                        transposeA: transposeX, transposeB: transposeY, m: d, n: d, k: d, alpha: 1, a: x.baseAddress!,
                        lda: d, b: y.baseAddress!, ldb: d, beta: 0, c: r.baseAddress!, ldc: d)
                }
            }
        }
    }

    /// Σᵢⱼ xᵢⱼ yᵢⱼ = tr(x yᵀ).
    @_specialize(where T == Float)
    private func frobeniusInner(_ x: [T], _ y: [T]) -> T {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in T.dot(count: x.count, x.baseAddress!, y.baseAddress!) }
        }
    }
}
