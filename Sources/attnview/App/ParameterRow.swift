/// A line of the parameter panel; key table entries name the lines whose key column lists them.
enum ParameterRow: Hashable, Sendable, CaseIterable {
    case dk, divisor, policy, alpha, tokens, seed, sigma, rho, causal, theme
    /// Model mode's lines: the layer and head on screen, and the text (its token count).
    case layer, head, text

    /// The label the panel draws the line under (the key column is handed over by it).
    var label: String {
        switch self {
        case .dk: "d_k"
        case .divisor: "divisor s"
        case .policy: "policy"
        case .alpha: "alpha"
        case .tokens, .text: "tokens"
        case .seed: "seed"
        case .sigma: "sigma"
        case .rho: "rho"
        case .causal: "causal"
        case .theme: "theme"
        case .layer: "layer"
        case .head: "head"
        }
    }
}
