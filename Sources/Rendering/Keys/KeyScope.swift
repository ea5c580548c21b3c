/// Which pictures a key applies to: a model's layer and head keys mean nothing for random inputs,
/// and the generator's token, seed and rho keys nothing for a model. The help overlay and the status
/// bar list only the keys of the picture on screen; pressed anyway, a key says why it does nothing.
public enum KeyScope: Hashable, Sendable {
    case all
    /// Only with `--model`.
    case model
    /// Only without a model (generated or file inputs).
    case notModel

    /// Whether the key applies to the picture on screen.
    public func applies(model: Bool) -> Bool {
        switch self {
        case .all: true
        case .model: model
        case .notModel: !model
        }
    }
}
