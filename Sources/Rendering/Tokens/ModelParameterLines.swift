import AttentionCore

/// What the parameter panel says in model mode: which model, layer and head are on screen, the
/// head's width and the token count, then the divisor knobs that still apply.
struct ModelParameterLines {
    let model: ModelView
    let params: AttentionParams
    let divisor: Double
    let themeName: String
    let ascii: Bool

    /// Each line's label, value and the parameter row whose keys the panel lists beside it.
    var lines: [(label: String, value: String, row: ParameterRow?)] {
        let policy: String
        switch params.scale {
        case .sqrtDk: policy = ascii ? "sqrt" : "√d_k"
        case .dk: policy = "d_k"
        case .none: policy = "none"
        case .fixed: policy = "fixed"
        }
        return [
            ("model", VisibleControls.escaped(model.modelName), nil),
            ("layer", "\(model.layer) of \(model.layers)", .layer),
            ("head", "\(model.head) of \(model.heads)", .head),
            ("d_head", "\(model.headWidth)", nil),
            ("tokens", "\(model.tokens.count)", .text),
            ("d_k", "\(params.dk)", .dk),
            ("divisor s", NumberFormat.exponentOrFixed(divisor), .divisor),
            ("policy", policy, .policy),
            ("alpha", NumberFormat.fixed(params.alpha, 3), .alpha),
            ("theme", themeName, .theme),
        ]
    }
}
