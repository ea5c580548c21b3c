import AttentionCore

/// What the parameter panel says in model mode: which model, layer and head are on screen, the
/// head's width and the token count, then the divisor knobs that still apply.
struct ModelParameterLines {
    let model: ModelView
    let params: AttentionParams
    let divisor: Double
    let themeName: String
    let ascii: Bool

    func lines(glyphs: Glyphs) -> [(label: String, value: String, keys: String)] {
        let policy: String
        switch params.scale {
        case .sqrtDk: policy = ascii ? "sqrt" : "√d_k"
        case .dk: policy = "d_k"
        case .none: policy = "none"
        case .fixed: policy = "fixed"
        }
        return [
            ("model", model.modelName, ""),
            ("layer", "\(model.layer) of \(model.layers)", "PgUp PgDn"),
            ("head", "\(model.head) of \(model.heads)", ", ."),
            ("d_head", "\(model.headWidth)", ""),
            ("tokens", "\(model.tokens.count)", "/"),
            ("d_k", "\(params.dk)", "\(glyphs.left) \(glyphs.right)"),
            ("divisor s", NumberFormat.exponentOrFixed(divisor), "\(glyphs.up) \(glyphs.down)"),
            ("policy", policy, "1 2 3 0"),
            ("alpha", NumberFormat.fixed(params.alpha, 3), "\(glyphs.up) \(glyphs.down)"),
            ("theme", themeName, "t"),
        ]
    }
}
