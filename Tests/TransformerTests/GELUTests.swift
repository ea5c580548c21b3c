import Foundation
import Testing

@testable import Transformer

/// The rational erf against libm's, over the whole range GELU sees and beyond: 4e-7 is a few
/// float32 ulps of 1, far below the encoder's 1e-4 tolerance.
@Test func rationalErfMatchesLibm() {
    var worst: Float = 0
    for step in -6000...6000 {
        let x = Float(step) / 1000
        worst = max(worst, abs(GELU.erf(x) - erff(x)))
    }
    #expect(worst < 4e-7, "worst |erf error| \(worst)")
    #expect(GELU.erf(30) == 1 && GELU.erf(-30) == -1 && GELU.erf(0) == 0)
    var values: [Float] = [-30, -3, -1, -0.5, 0, 0.5, 1, 3, 30, .leastNonzeroMagnitude, 2.5, -7, 11, 0.1, 0.2, 0.3, 8]
    let exact = values.map { 0.5 * $0 * (1 + erff($0 / Float(2).squareRoot())) }
    GELU.apply(&values)
    for (got, want) in zip(values, exact) { #expect(abs(got - want) <= 4e-7 * max(1, abs(want))) }
}
