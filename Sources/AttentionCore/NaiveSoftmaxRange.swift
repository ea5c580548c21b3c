import Foundation

/// The log-sum-exp values for which a *naive* softmax — exp of the raw logits divided by their
/// sum, without subtracting the row maximum — stays inside a floating-point format: above
/// ln(largest finite) the sum overflows to infinity, below ln(smallest subnormal) it underflows
/// to zero, and either way the row becomes NaN. attnview always subtracts the maximum; this says
/// what a kernel (or fp16 training) without that trick would hit.
public struct NaiveSoftmaxRange: Sendable, Equatable {
    /// The format's largest finite value.
    let largestFinite: Double
    /// The format's smallest positive (subnormal) value.
    let smallestSubnormal: Double
    /// ln(largestFinite): a row whose log-sum-exp exceeds it overflows.
    let upperLog: Double
    /// ln(smallestSubnormal): a row whose log-sum-exp falls below it underflows.
    let lowerLog: Double

    /// The range of a format with these extremes.
    public init(largestFinite: Double, smallestSubnormal: Double) {
        self.largestFinite = largestFinite
        self.smallestSubnormal = smallestSubnormal
        upperLog = Foundation.log(largestFinite)
        lowerLog = Foundation.log(smallestSubnormal)
    }

    /// IEEE half precision: 65504 and 2⁻²⁴ (ln: 11.09 and −16.64).
    public static let fp16 = NaiveSoftmaxRange(largestFinite: 65504, smallestSubnormal: 0x1p-24)
    /// IEEE single precision: 3.4028235e38 and 2⁻¹⁴⁹ (ln: 88.72 and −103.28).
    public static let fp32 = NaiveSoftmaxRange(
        largestFinite: Double(Float.greatestFiniteMagnitude), smallestSubnormal: 0x1p-149)

    /// Where a row with this log-sum-exp of its visible logits lands.
    public func outcome(logSumExp: Double) -> Outcome {
        if logSumExp > upperLog { return .overflow }
        if logSumExp < lowerLog { return .underflow }
        return .inRange
    }

    /// A naive row's fate in the format.
    public enum Outcome: Sendable {
        case inRange, overflow, underflow
    }
}
