import AttentionCore
import Foundation

/// The step sizes of the parameter keys and the checks that keep every state computable.
enum ParameterSteps {
    /// Play sweeps the divisor this many quarter octaves either side of the policy's base.
    static let playQuarterOctaves = 12
    /// rho values `[` and `]` step through; rho must stay below 1.
    static let rhoSteps: [Double] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99]
    /// Largest Q or K the view generates, so one key cannot ask for gigabytes.
    static let maxMatrixElements = Limits.maxFileElements

    /// The divisor's position in quarter octaves relative to its policy's base (alpha = 1, or √d_k
    /// for a fixed divisor), rounded to the nearest step.
    static func quarterOctaves(of params: AttentionParams) -> Int {
        let ratio: Double
        switch params.scale {
        case .fixed(let value): ratio = value / Double(params.dk).squareRoot()
        case .sqrtDk, .dk, .none: ratio = params.alpha
        }
        return Int((4 * log2(ratio)).rounded())
    }

    /// `params` with the divisor moved by `steps` quarter octaves. Whole steps from alpha = 1 land
    /// exactly on 2^(k/4), so repeated presses do not drift.
    static func nudgingDivisor(_ params: AttentionParams, by steps: Int) -> AttentionParams {
        var next = params
        switch params.scale {
        case .fixed(let value):
            next.scale = .fixed(snapped(value * pow(2, Double(steps) / 4)))
        case .sqrtDk, .dk, .none:
            next.alpha = snapped(params.alpha * pow(2, Double(steps) / 4))
        }
        return next
    }

    /// `params` with the divisor placed `steps` quarter octaves from its policy's base.
    static func placingDivisor(_ params: AttentionParams, atQuarterOctaves steps: Int) -> AttentionParams {
        var next = params
        let factor = pow(2, Double(steps) / 4)
        switch params.scale {
        case .fixed: next.scale = .fixed(Double(params.dk).squareRoot() * factor)
        case .sqrtDk, .dk, .none: next.alpha = factor
        }
        return next
    }

    /// Rounds a value within 1e-9 (relative, in log2) of a quarter-octave power of two onto it.
    static func snapped(_ value: Double) -> Double {
        let steps = 4 * log2(value)
        let whole = steps.rounded()
        return abs(steps - whole) < 1e-9 ? pow(2, whole / 4) : value
    }

    /// The next rho step above (`direction` +1) or below (-1) `rho`, or nil at the end.
    static func rho(after rho: Double, direction: Int) -> Double? {
        direction > 0 ? rhoSteps.first { $0 > rho + 1e-9 } : rhoSteps.last { $0 < rho - 1e-9 }
    }

    /// Why `params` cannot be computed in the view, or nil when it can: the core's `validate()` (d_k
    /// within the inputs' width `dkRange` for files and models) in the view's words, then the view's
    /// own budget for the matrices it generates.
    static func problem(with params: AttentionParams, dkRange: ClosedRange<Int>) -> String? {
        do throws(AttentionError) {
            try params.validate(columns: params.source.describing.isGenerated ? nil : dkRange.upperBound)
        } catch {
            return error.viewDescription
        }
        if max(params.n, params.m) * params.dk > maxMatrixElements {
            return "\(max(params.n, params.m)) tokens × d_k \(params.dk) is more than the view's "
                + "\(maxMatrixElements) values"
        }
        return nil
    }

    /// A short human form of a number: 4 significant digits.
    static func format(_ value: Double) -> String {
        String(format: "%.4g", value)
    }
}
