import AttentionCore
import TensorFiles

/// The one line under a snapshot's picture that names its source, so a picture on a slide says
/// what it shows without the command beside it: the model, layer, head and text (or the random
/// parameters, or the two files), d_k and the divisor; the split view names both divisors.
public enum PictureCaption {
    /// The caption for `result` (and the standard divisor's `baseline` of the split view). User
    /// text is shown with its control characters escaped; a long text is the part that is cut.
    public static func text(result: AttentionResult, baseline: AttentionResult? = nil) -> String {
        let p = result.params
        let source = p.source.describing
        var divisor = "s = " + spelled(p, divisor: result.divisor)
        if let baseline { divisor += " beside s = " + spelled(baseline.params, divisor: baseline.divisor) }
        let parts =
            [source.caption(p, VisibleControls.escaped), "d_k \(p.dk)", divisor] + (p.causal ? ["causal"] : [])
            + [source.captionTail(VisibleControls.escaped)].compactMap { $0 }
        return parts.joined(separator: " · ")
    }

    /// `√d_k = 8.000`, `0.5·d_k = 32.00`, `1 (no divisor)`, `12.50`: the policy and its value.
    static func spelled(_ p: AttentionParams, divisor: Double) -> String {
        let value = NumberFormat.exponentOrFixed(divisor).trimmingWhitespace()
        let alpha = p.alpha == 1 ? "" : NumberFormat.exponentOrFixed(p.alpha).trimmingWhitespace() + "·"
        switch p.scale {
        case .sqrtDk: return "\(alpha)√d_k = \(value)"
        case .dk: return "\(alpha)d_k = \(value)"
        case .none: return p.alpha == 1 ? "1 (no divisor)" : "alpha = \(value)"
        case .fixed: return value
        }
    }
}

/// The caption drawn on a snapshot's bottom line in place of the status bar: muted, cut with
/// `…` at the screen's width (wide characters counted as two cells).
struct CaptionLine: Widget {
    let text: String

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.height >= 1, area.width > 2 else { return }
        frame.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: styles.canvas.cell(" "))
        let spelled = styles.ascii ? text.replacingOccurrences(of: "√d_k", with: "sqrt(d_k)") : text
        let shown = DisplayWidth.abbreviated(spelled, to: area.width - 2)
        frame.put(shown, x: area.x + 1, y: area.y, style: styles.muted, limit: area.width - 2)
    }
}
