import AttentionCore
import Transformer

/// The view's one mapping from the parameters the core and the encoder name in their errors to the
/// words of its screen (the parameter panel's labels), for the status line.
extension AttentionParameter {
    /// The parameter panel's label for it.
    var label: String {
        switch self {
        case .n, .m: "tokens"
        case .dk: "d_k"
        case .sigma: "sigma"
        case .rho: "rho"
        case .scale: "divisor s"
        case .alpha: "alpha"
        }
    }
}

extension ModelParameter {
    /// What the view calls it: the text is edited with `/`, layer and head are panel labels.
    var label: String {
        switch self {
        case .text: "the text"
        case .layer: "layer"
        case .head: "head"
        }
    }
}

extension AttentionError {
    /// The error as the status line says it: parameters by the view's words.
    var viewDescription: String { description(naming: \.label) }
}

extension ModelError {
    /// The error as the status line says it: parameters by the view's words.
    var viewDescription: String { description(naming: \.label) }
}
