import Foundation
import Testing

@testable import Transformer

/// The vectorised erf against libm's, over the whole range GELU sees and beyond: 4e-7 is a few
/// float32 ulps of 1, far below the encoder's 1e-4 tolerance.
@Test func vectorisedErfMatchesLibm() {
    var worst: Float = 0
    for start in stride(from: -2000, to: 2000, by: 16) {
        let x = SIMD16<Float>((0..<16).map { Float(start + $0) / 200 })
        let approximate = GELU.erf(x)
        for lane in 0..<16 { worst = max(worst, abs(approximate[lane] - erff(x[lane]))) }
    }
    #expect(worst < 4e-7, "worst |erf error| \(worst)")
    var values: [Float] = [-30, -3, -1, -0.5, 0, 0.5, 1, 3, 30, .leastNonzeroMagnitude, 2.5, -7, 11, 0.1, 0.2, 0.3, 8]
    let exact = values.map { 0.5 * $0 * (1 + erff($0 / Float(2).squareRoot())) }
    GELU.apply(&values)
    for (got, want) in zip(values, exact) { #expect(abs(got - want) <= 4e-7 * max(1, abs(want))) }
}
