import AttentionCore
import TensorFiles

/// What the parameter panel says in model mode: which model, layer and head are on screen, the
/// head's width and the token count, then the divisor knobs that still apply.
struct ModelParameterLines {
    let model: ModelView
    let params: AttentionParams
    let divisor: Double
    let themeName: String
    let ascii: Bool

    /// Each line's label and value; the panel lists the keys handed over for the label beside it.
    var lines: [(label: String, value: String)] {
        let policy: String
        switch params.scale {
        case .sqrtDk: policy = ascii ? "sqrt" : "√d_k"
        case .dk: policy = "d_k"
        case .none: policy = "none"
        case .fixed: policy = "fixed"
        }
        return [
            ("model", VisibleControls.escaped(model.modelName)),
            ("layer", "\(model.labels.layer) of \(model.labels.layers)"),
            ("head", "\(model.labels.head) of \(model.labels.heads)"),
            ("d_head", "\(model.labels.shape.headWidth)"),
            ("tokens", "\(model.labels.tokens.count)"),
            ("d_k", "\(params.dk)"),
            ("divisor s", NumberFormat.exponentOrFixed(divisor)),
            ("policy", policy),
            ("alpha", NumberFormat.fixed(params.alpha, 3)),
            ("theme", themeName),
        ]
    }
}
