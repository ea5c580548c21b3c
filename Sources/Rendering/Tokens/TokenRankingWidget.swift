import AttentionCore
import TensorFiles

/// The selected query's keys ranked by weight, one line each — rank, key token, weight and a bar
/// on the absolute 0…1 scale — so "which word does this word attend to" reads top down.
struct TokenRankingWidget: Widget {
    let weights: Matrix
    let mask: Mask
    let row: Int
    let keyTokens: [String]

    /// The visible keys of `row`, heaviest first (ties by position), at most `limit`.
    func ranked(limit: Int) -> [(key: Int, weight: Float)] {
        guard row >= 0, row < weights.rows else { return [] }
        let keys = mask.visibleKeys(row: row).clamped(to: 0..<weights.cols)
        let sorted = keys.map { (key: $0, weight: weights[row, $0]) }.sorted {
            $0.weight != $1.weight ? $0.weight > $1.weight : $0.key < $1.key
        }
        return Array(sorted.prefix(max(0, limit)))
    }

    /// The panel title: the query token and its position.
    var title: String {
        let token = row < keyTokens.count && row >= 0 ? keyTokens[row] : "?"
        return "\(DisplayWidth.abbreviated(token, to: TokenLabels.maximumWidth)) (\(row)) attends to"
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.width >= 16, area.height >= 1 else { return }
        let visible =
            row >= 0 && row < weights.rows ? mask.visibleKeys(row: row).clamped(to: 0..<weights.cols).count : 0
        // Keys past the panel's rows are counted on its last line, never silently left out.
        let lines = ranked(limit: visible > area.height ? area.height - 1 : area.height)
        if lines.count < visible {
            frame.put("+\(visible - lines.count) more", x: area.x, y: area.y + lines.count, style: styles.muted)
        }
        let rankWidth = String(max(1, lines.count)).count
        let tokenWidth = min(TokenLabels.maximumWidth, lines.map { DisplayWidth.of(token($0.key)) }.max() ?? 1)
        let barX = area.x + rankWidth + 1 + tokenWidth + 1 + 5 + 1
        let barWidth = area.maxX - barX
        for (index, line) in lines.enumerated() {
            let y = area.y + index
            let style = index == 0 ? styles.text.with(.bold) : styles.text
            frame.put(NumberFormat.padLeft(String(index + 1), rankWidth), x: area.x, y: y, style: styles.muted)
            frame.put(
                DisplayWidth.abbreviated(token(line.key), to: tokenWidth), x: area.x + rankWidth + 1, y: y,
                style: style, limit: tokenWidth)
            frame.put(
                NumberFormat.fixed(Double(line.weight), 3), x: area.x + rankWidth + tokenWidth + 2, y: y, style: style)
            if barWidth > 0 { drawBar(Double(line.weight), x: barX, y: y, width: barWidth, &frame, styles) }
        }
    }

    /// The key's token, with its position when the text has it more than once (`the (12)`).
    private func token(_ key: Int) -> String {
        guard key < keyTokens.count else { return "#\(key)" }
        let token = keyTokens[key]
        return keyTokens.lazy.filter { $0 == token }.count > 1 ? "\(token) (\(key))" : token
    }

    /// A horizontal bar of `value` × `width` cells in eighths, tinted along the weight ramp.
    private func drawBar(_ value: Double, x: Int, y: Int, width: Int, _ frame: inout Frame, _ styles: ThemeStyles) {
        let eighths = Int((max(0, min(1, value)) * Double(width * 8)).rounded())
        var style = styles.histogram
        if styles.hasColor { style.foreground = styles.rampColor(0.35 + 0.65 * min(1, value), logits: false) }
        let partial: [Character] = styles.ascii ? ["#"] : ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        for column in 0..<(eighths / 8) { frame[x + column, y] = style.cell(styles.ascii ? "#" : "█") }
        if eighths % 8 > 0 {
            frame[x + eighths / 8, y] = style.cell(styles.ascii ? "#" : partial[eighths % 8 - 1])
        } else if eighths == 0 {
            frame[x, y] = style.cell(styles.ascii ? "." : "▏")
        }
    }
}
