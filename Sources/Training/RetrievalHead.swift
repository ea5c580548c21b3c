/// The forward and backward pass of one attention head on a batch of the retrieval task.
///
/// The head scores token i against the query as q·kᵢ/s with q = x_q W_q and kᵢ = xᵢ W_k, which is
/// xᵢ·(M x_q)/s for the d_model × d_model matrix M = W_k W_qᵀ. So a step never forms the keys: it
/// builds M once (d_model²·d_k), scores and differentiates every example through u = M x_q
/// (B·n·d_model), and maps ∂L/∂M back to ∂L/∂W_k = (∂L/∂M) W_q and ∂L/∂W_q = (∂L/∂M)ᵀ W_k. Three
/// d_model × d_model × d_k products per step, whatever the batch (the plain way costs B·n·d_model·d_k).
struct RetrievalHead<T: TrainingScalar> {
    let dModel: Int
    let n: Int
    let batch: Int
    let dk: Int

    /// Work arrays of one step, allocated once per run.
    struct Workspace {
        var product: [T]
        var projected: [T]
        var projectedGradient: [T]
        var productGradient: [T]
        var logits: [T]
        var outputGradient: [T]
        var weightGradient: [T]

        init(dModel: Int, n: Int, batch: Int) {
            product = Array(repeating: 0, count: dModel * dModel)
            projected = Array(repeating: 0, count: batch * dModel)
            projectedGradient = Array(repeating: 0, count: batch * dModel)
            productGradient = Array(repeating: 0, count: dModel * dModel)
            logits = Array(repeating: 0, count: n)
            outputGradient = Array(repeating: 0, count: dModel)
            weightGradient = Array(repeating: 0, count: n)
        }
    }

    /// The gradient of the loss: ∂L/∂W_q and ∂L/∂W_k, each d_model × d_k.
    struct Gradient {
        var query: [T]
        var key: [T]

        init(dModel: Int, dk: Int) {
            query = Array(repeating: 0, count: dModel * dk)
            key = Array(repeating: 0, count: dModel * dk)
        }

        /// ‖(∂L/∂W_q, ∂L/∂W_k)‖₂.
        var norm: T {
            let squares =
                query.withUnsafeBufferPointer { T.dot(count: $0.count, $0.baseAddress!, $0.baseAddress!) }
                + key.withUnsafeBufferPointer { T.dot(count: $0.count, $0.baseAddress!, $0.baseAddress!) }
            return squares.squareRoot()
        }
    }

    /// M = W_k W_qᵀ (d_model × d_model).
    @_specialize(where T == Float)
    func product(_ weights: HeadWeights<T>, into product: inout [T]) {
        weights.key.withUnsafeBufferPointer { key in
            weights.query.withUnsafeBufferPointer { query in
                product.withUnsafeMutableBufferPointer { m in
                    T.gemm(
                        transposeA: false, transposeB: true, m: dModel, n: dModel, k: dk, alpha: 1,
                        a: key.baseAddress!, lda: dk, b: query.baseAddress!, ldb: dk, beta: 0, c: m.baseAddress!,
                        ldc: dModel)
                }
            }
        }
    }

    /// The mean loss ‖o − x_j‖²/d_model over the batch, with its gradient written to `gradient`.
    @_specialize(where T == Float)
    func lossAndGradient(
        _ weights: HeadWeights<T>, batch data: Batch<T>, divisor: T, workspace w: inout Workspace,
        gradient: inout Gradient
    ) -> T {
        product(weights, into: &w.product)
        let loss = lossAndProductGradient(batch: data, divisor: divisor, workspace: &w)
        backProject(weights, productGradient: w.productGradient, into: &gradient)
        return loss
    }

    /// The mean loss for the product M in `w.product`, with ∂L/∂M written to `w.productGradient`:
    /// all a step needs of the weights is M (which is why SGD can run on Gram matrices alone).
    @_specialize(where T == Float)
    func lossAndProductGradient(batch data: Batch<T>, divisor: T, workspace w: inout Workspace) -> T {
        let (d, b) = (dModel, batch)
        var total: T = 0
        data.tokens.withUnsafeBufferPointer { tokens in
            data.queries.withUnsafeBufferPointer { queries in
                w.product.withUnsafeBufferPointer { m in
                    w.projected.withUnsafeMutableBufferPointer { u in
                        // u_b = M x_q,b for every example at once: U = X_q Mᵀ.
                        T.gemm(
                            transposeA: false, transposeB: true, m: b, n: d, k: d, alpha: 1, a: queries.baseAddress!,
                            lda: d, b: m.baseAddress!, ldb: d, beta: 0, c: u.baseAddress!, ldc: d)
                    }
                }
                for example in 0..<b {
                    total += exampleLossAndGradient(
                        example, tokens: tokens.baseAddress!, target: data.targets[example], divisor: divisor,
                        workspace: &w)
                }
                // ∂L/∂M = Σ_b a_b x_q,bᵀ with a_b = ∂L/∂u_b.
                w.projectedGradient.withUnsafeBufferPointer { a in
                    w.productGradient.withUnsafeMutableBufferPointer { dm in
                        T.gemm(
                            transposeA: true, transposeB: false, m: d, n: d, k: b, alpha: 1, a: a.baseAddress!,
                            lda: d, b: queries.baseAddress!, ldb: d, beta: 0, c: dm.baseAddress!, ldc: d)
                    }
                }
            }
        }
        return total / T(b)
    }

    /// Example `example`'s loss / B; writes its row a_b of ∂L/∂U. Its tokens are row-major n × d_model.
    @_specialize(where T == Float)
    private func exampleLossAndGradient(
        _ example: Int, tokens allTokens: UnsafePointer<T>, target: Int, divisor: T, workspace w: inout Workspace
    ) -> T {
        let (d, n) = (dModel, n)
        let tokens = allTokens + example * n * d
        let scale = 1 / divisor
        var loss: T = 0
        w.projected.withUnsafeBufferPointer { projected in
            w.logits.withUnsafeMutableBufferPointer { z in
                w.weightGradient.withUnsafeMutableBufferPointer { dp in
                    w.outputGradient.withUnsafeMutableBufferPointer { go in
                        let u = projected.baseAddress! + example * d
                        T.gemv(
                            transpose: false, rows: n, columns: d, alpha: scale, a: tokens, x: u, beta: 0,
                            y: z.baseAddress!)
                        Self.softmax(z)
                        // o = Σ pᵢ xᵢ, then ∂L/∂o = 2(o − x_j)/(B·d_model).
                        T.gemv(
                            transpose: true, rows: n, columns: d, alpha: 1, a: tokens, x: z.baseAddress!, beta: 0,
                            y: go.baseAddress!)
                        let targetRow = tokens + target * d
                        var squares: T = 0
                        for i in 0..<d {
                            let difference = go[i] - targetRow[i]
                            squares += difference * difference
                            go[i] = difference
                        }
                        loss = squares / T(d)
                        let outputScale = 2 / T(batch * d)
                        for i in 0..<d { go[i] *= outputScale }
                        // ∂L/∂pᵢ = xᵢ·∂L/∂o; ∂L/∂zᵢ = pᵢ(∂L/∂pᵢ − Σ p·∂L/∂p).
                        T.gemv(
                            transpose: false, rows: n, columns: d, alpha: 1, a: tokens, x: go.baseAddress!, beta: 0,
                            y: dp.baseAddress!)
                        var mean: T = 0
                        for i in 0..<n { mean += z[i] * dp[i] }
                        for i in 0..<n { dp[i] = z[i] * (dp[i] - mean) }
                        // a_b = ∂L/∂u_b = Σᵢ (∂L/∂zᵢ) xᵢ / s.
                        w.projectedGradient.withUnsafeMutableBufferPointer { a in
                            T.gemv(
                                transpose: true, rows: n, columns: d, alpha: scale, a: tokens, x: dp.baseAddress!,
                                beta: 0, y: a.baseAddress! + example * d)
                        }
                    }
                }
            }
        }
        return loss
    }

    /// ∂L/∂W_k = (∂L/∂M) W_q and ∂L/∂W_q = (∂L/∂M)ᵀ W_k.
    @_specialize(where T == Float)
    private func backProject(_ weights: HeadWeights<T>, productGradient: [T], into gradient: inout Gradient) {
        let (d, dk) = (dModel, dk)
        productGradient.withUnsafeBufferPointer { dm in
            weights.query.withUnsafeBufferPointer { wq in
                gradient.key.withUnsafeMutableBufferPointer { gk in
                    T.gemm(
                        transposeA: false, transposeB: false, m: d, n: dk, k: d, alpha: 1, a: dm.baseAddress!, lda: d,
                        b: wq.baseAddress!, ldb: dk, beta: 0, c: gk.baseAddress!, ldc: dk)
                }
            }
            weights.key.withUnsafeBufferPointer { wk in
                gradient.query.withUnsafeMutableBufferPointer { gq in
                    T.gemm(
                        transposeA: true, transposeB: false, m: d, n: dk, k: d, alpha: 1, a: dm.baseAddress!, lda: d,
                        b: wk.baseAddress!, ldb: dk, beta: 0, c: gq.baseAddress!, ldc: dk)
                }
            }
        }
    }

    /// Softmax in place, the largest logit subtracted first so no exponential overflows.
    @_specialize(where T == Float)
    static func softmax(_ z: UnsafeMutableBufferPointer<T>) {
        var largest = z[0]
        for value in z where value > largest { largest = value }
        var sum: T = 0
        for i in z.indices {
            z[i] = T.exponential(z[i] - largest)
            sum += z[i]
        }
        for i in z.indices { z[i] /= sum }
    }

    /// The attention of each probe query over the probe's tokens (n × n, row-major), for the
    /// product M = W_k W_qᵀ.
    @_specialize(where T == Float)
    func probeAttention(product m: [T], probe: Batch<T>, divisor: T) -> [T] {
        let (d, n) = (dModel, n)
        var projected = [T](repeating: 0, count: n * d)
        var attention = [T](repeating: 0, count: n * n)
        probe.queries.withUnsafeBufferPointer { queries in
            m.withUnsafeBufferPointer { m in
                projected.withUnsafeMutableBufferPointer { u in
                    T.gemm(
                        transposeA: false, transposeB: true, m: n, n: d, k: d, alpha: 1, a: queries.baseAddress!,
                        lda: d, b: m.baseAddress!, ldb: d, beta: 0, c: u.baseAddress!, ldc: d)
                }
            }
        }
        // Logits z_ij = x_j·u_i / s, i.e. Z = U Xᵀ / s.
        probe.tokens.withUnsafeBufferPointer { tokens in
            projected.withUnsafeBufferPointer { u in
                attention.withUnsafeMutableBufferPointer { a in
                    T.gemm(
                        transposeA: false, transposeB: true, m: n, n: n, k: d, alpha: 1 / divisor, a: u.baseAddress!,
                        lda: d, b: tokens.baseAddress!, ldb: d, beta: 0, c: a.baseAddress!, ldc: n)
                    for row in 0..<n { Self.softmax(UnsafeMutableBufferPointer(rebasing: a[row * n..<(row + 1) * n])) }
                }
            }
        }
        return attention
    }
}
