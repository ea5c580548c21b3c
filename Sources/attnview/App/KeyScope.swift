import AttentionCore

/// Which inputs a key applies to: a model's layer and head keys mean nothing for random inputs,
/// and the generator's token, seed and rho keys nothing for files or a model. The help overlay
/// and the status bar list only the keys of the inputs on screen; pressed anyway, a key says why
/// it does nothing.
enum KeyScope: Hashable, Sendable {
    case all
    /// Only for generated Q and K: the generator's knobs.
    case generator
    /// Only with `--model`.
    case model

    /// Whether the key applies to a picture of `source`.
    func applies(to source: InputSource) -> Bool {
        switch self {
        case .all: true
        case .generator: source.describing.isGenerated
        case .model: source.describing is ModelHead
        }
    }
}
