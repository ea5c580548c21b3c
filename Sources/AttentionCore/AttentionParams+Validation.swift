import Foundation

extension AttentionParams {
    /// `dk` value meaning "every column of the files" for `.files` inputs (the CLI's default there):
    /// the largest d_k, so it passes every range check; any other d_k above the files' d is an error.
    public static let allFileColumns = Limits.dk.upperBound

    /// Checks every parameter against `Limits`, naming the parameter at fault; with `columns` (the
    /// width of fixed inputs, once known) d_k may not exceed it. For `.files` inputs n and m come from
    /// the files (checked when they are read), and with `dk == allFileColumns` the divisor is checked
    /// once d_k is known.
    public func validate(columns: Int? = nil) throws(AttentionError) {
        if source.describing.isGenerated {
            try Self.check(.n, n, within: Limits.tokens)
            try Self.check(.m, m, within: Limits.tokens)
        }
        let dkResolvedLater = !source.describing.isGenerated && dk == Self.allFileColumns
        try Self.check(.dk, dk, within: Limits.dk)
        if let columns, dk > columns {
            throw .outOfRange(.dk, value: "\(dk)", allowed: "1–\(columns), the inputs' d")
        }
        if !Limits.sigma.contains(sigma) {
            throw .outOfRange(.sigma, value: Self.text(sigma), allowed: "1e-06…1000")
        }
        if !Limits.rho.contains(rho) {
            throw .outOfRange(.rho, value: Self.text(rho), allowed: "0 ≤ rho < 1")
        }
        if case .fixed(let value) = scale {
            if !Limits.divisor.contains(value) {
                throw .outOfRange(.scale, value: Self.text(value), allowed: "a divisor in 1e-06…1e+06")
            }
            return
        }
        if !(alpha > 0) || !alpha.isFinite {
            throw .outOfRange(.alpha, value: Self.text(alpha), allowed: "> 0")
        }
        if !dkResolvedLater, !Limits.divisor.contains(divisor) {
            throw .outOfRange(
                .alpha, value: Self.text(alpha),
                allowed: "a divisor \(scale.formula) in 1e-06…1e+06, here \(Self.text(divisor))")
        }
    }

    /// A number as a user would type it: 5000, 0.25, 1e-09.
    static func text(_ value: Double) -> String { String(format: "%g", value) }

    private static func check(_ parameter: AttentionParameter, _ value: Int, within range: ClosedRange<Int>)
        throws(AttentionError)
    {
        if !range.contains(value) {
            throw .outOfRange(parameter, value: "\(value)", allowed: "\(range.lowerBound)–\(range.upperBound)")
        }
    }
}

extension ScalePolicy {
    /// How the divisor is formed, for messages: `alpha·√d_k`, `alpha·d_k`, `alpha` or the number.
    var formula: String {
        switch self {
        case .sqrtDk: "alpha·√d_k"
        case .dk: "alpha·d_k"
        case .none: "alpha"
        case .fixed(let value): "\(value)"
        }
    }
}
