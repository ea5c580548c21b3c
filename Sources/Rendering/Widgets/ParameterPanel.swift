import AttentionCore

/// The model's knobs, each with the keys that change it (as the app hands them over).
struct ParameterPanel: PanelContent {
    let params: AttentionParams
    let divisor: Double
    let themeName: String
    let ascii: Bool
    /// The key column's labels by the line they change.
    let keys: ScreenKeys
    /// In model mode: the model, layer and head lines replace the generator's.
    var model: ModelView?

    /// Inner rows it needs.
    static let innerHeight = 10

    private var policy: String {
        switch params.scale {
        case .sqrtDk: ascii ? "sqrt" : "√d_k"
        case .dk: "d_k"
        case .none: "none"
        case .fixed: "fixed"
        }
    }

    func lines(glyphs: Glyphs) -> [(label: String, value: String, keys: String)] {
        if let model {
            return ModelParameterLines(
                model: model, params: params, divisor: divisor, themeName: themeName, ascii: ascii
            )
            .lines.map { ($0.label, $0.value, keys.parameterKeys($0.label, glyphs: glyphs)) }
        }
        let tokens = params.n == params.m ? "\(params.n)" : "\(params.n)×\(params.m)"
        let rows: [(String, String)] = [
            ("d_k", "\(params.dk)"),
            ("divisor s", NumberFormat.exponentOrFixed(divisor)),
            ("policy", policy),
            ("alpha", NumberFormat.fixed(params.alpha, 3)),
            ("tokens", tokens),
            ("seed", "\(params.seed)"),
            ("sigma", NumberFormat.fixed(params.sigma, 2)),
            ("rho", NumberFormat.fixed(params.rho, 2)),
            ("causal", params.causal ? "on" : "off"),
            ("theme", themeName),
        ]
        return rows.map { ($0.0, $0.1, keys.parameterKeys($0.0, glyphs: glyphs)) }
    }

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: "parameters")
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.width >= 12 else { return }
        var lines = lines(glyphs: styles.glyphs)
        if area.height < lines.count { lines.removeAll { $0.label == "alpha" || $0.label == "sigma" } }
        // Numbers line up on their decimal point (unless a huge seed would push them all right).
        func isNumber(_ text: String) -> Bool {
            !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" }
        }
        func wholeDigits(_ text: String) -> Int { text.prefix { $0 != "." }.count }
        let wholeWidth = lines.map(\.value).filter(isNumber).map(wholeDigits).max() ?? 0
        for (index, line) in lines.prefix(area.height).enumerated() {
            let y = area.y + index
            frame.put(line.label, x: area.x + 1, y: y, style: styles.text)
            let keysX = min(area.maxX - 1, area.x + 29) - line.keys.count
            let indent = isNumber(line.value) && wholeWidth <= 6 ? wholeWidth - wholeDigits(line.value) : 0
            frame.put(
                line.value, x: area.x + 11 + indent, y: y, style: styles.text.with(.bold),
                limit: max(0, keysX - area.x - 12 - indent))
            frame.put(line.keys, x: keysX, y: y, style: styles.key)
        }
    }
}
