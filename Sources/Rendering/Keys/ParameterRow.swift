/// A row of the parameter panel; key table entries name the rows whose key column lists them.
public enum ParameterRow: Hashable, Sendable, CaseIterable {
    case dk, divisor, policy, alpha, tokens, seed, sigma, rho, causal, theme
    /// Model mode's rows: the layer and head on screen, and the text.
    case layer, head, text
}
