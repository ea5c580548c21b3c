/// GELU with the exact erf, as HuggingFace's "gelu": x·½(1 + erf(x/√2)).
///
/// erf is a rational approximation x·P(x²)/Q(x²) on [−4, 4] (degree 5 over 5, fitted by weighted
/// least squares; erf is ±1 to float precision beyond), within 4e-7 of libm's `erff`. Written as a
/// plain loop of multiply-adds and one division, it vectorises: 1.2 ms for MiniLM's 875 000 values
/// at 95 tokens, where calling `erff` took 33 ms.
enum GELU {
    /// erf(x), to float precision.
    @inline(__always)
    static func erf(_ x: Float) -> Float {
        let c = min(max(x, -4), 4)
        let z = c * c
        var p: Float = 1.9776204763990098e-06
        p = p * z + 0.0002879237894762801
        p = p * z + 0.003994238612737481
        p = p * z + 0.05343764954904382
        p = p * z + 0.19601720655298543
        p = p * z + 1.1283789659347776
        var q: Float = 3.750414757013766e-05
        q = q * z + 0.0012142809634241004
        q = q * z + 0.015425078515562143
        q = q * z + 0.11638153340749008
        q = q * z + 0.5070468326563333
        q = q * z + 1
        return min(max(c * p / q, -1), 1)
    }

    /// x ← GELU(x) for every value.
    static func apply(_ x: inout [Float]) {
        let inverseRoot2 = Float(0.5).squareRoot()
        x.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices {
                let value = buffer[index]
                buffer[index] = 0.5 * value * (1 + erf(value * inverseRoot2))
            }
        }
    }
}
