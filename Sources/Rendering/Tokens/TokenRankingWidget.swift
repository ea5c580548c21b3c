import AttentionCore
import TensorFiles

/// The selected query's keys ranked by weight, one line each — rank, key token, weight and a bar
/// on the absolute 0…1 scale — so "which word does this word attend to" reads top down. The pair's
/// key token (`J` `K`) is highlighted, and kept on the last line with its rank when it ranks lower.
struct TokenRankingWidget: Widget {
    let weights: Matrix
    let mask: Mask
    let row: Int
    let keyTokens: [String]
    /// The pair's key token, nil for none.
    var keyToken: Int?

    /// The visible keys of `row`, heaviest first (ties by position), at most `limit`.
    func ranked(limit: Int) -> [(key: Int, weight: Float)] {
        guard row >= 0, row < weights.rows else { return [] }
        let keys = mask.visibleKeys(row: row).clamped(to: 0..<weights.cols)
        let sorted = keys.map { (key: $0, weight: weights[row, $0]) }.sorted {
            $0.weight != $1.weight ? $0.weight > $1.weight : $0.key < $1.key
        }
        return Array(sorted.prefix(max(0, limit)))
    }

    /// The panel title: the query token and its position, and with a key token the pair's weight
    /// ("it (9) attends to animal (2): 0.647").
    var title: String {
        let query = "\(shortToken(row)) (\(row)) attends to"
        guard let keyToken, keyToken >= 0, keyToken < weights.cols, row >= 0, row < weights.rows else { return query }
        let weight =
            mask.visibleKeys(row: row).contains(keyToken)
            ? NumberFormat.fixed(Double(weights[row, keyToken]), 3) : "masked"
        return query + " \(shortToken(keyToken)) (\(keyToken)): \(weight)"
    }

    private func shortToken(_ index: Int) -> String {
        let token = index < keyTokens.count && index >= 0 ? keyTokens[index] : "?"
        return DisplayWidth.abbreviated(token, to: TokenLabels.maximumWidth)
    }

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.width >= 16, area.height >= 1 else { return }
        let visible =
            row >= 0 && row < weights.rows ? mask.visibleKeys(row: row).clamped(to: 0..<weights.cols).count : 0
        // Keys past the panel's rows are counted on its last line, never silently left out.
        var lines = ranked(limit: visible > area.height ? area.height - 1 : area.height)
        var ranks = Array(lines.indices)
        let all = ranked(limit: visible)
        if let keyToken, !lines.contains(where: { $0.key == keyToken }),
            let rank = all.firstIndex(where: { $0.key == keyToken }), !lines.isEmpty
        {
            lines[lines.count - 1] = all[rank]
            ranks[ranks.count - 1] = rank
        }
        if lines.count < visible {
            frame.put("+\(visible - lines.count) more", x: area.x, y: area.y + lines.count, style: styles.muted)
        }
        let rankWidth = String(max(1, (ranks.max() ?? 0) + 1)).count
        let tokenWidth = min(TokenLabels.maximumWidth, lines.map { DisplayWidth.of(token($0.key)) }.max() ?? 1)
        let barX = area.x + rankWidth + 1 + tokenWidth + 1 + 5 + 1
        let barWidth = area.maxX - barX
        for (index, line) in lines.enumerated() {
            let y = area.y + index
            let isKey = line.key == keyToken
            let style = isKey ? styles.selection : index == 0 ? styles.text.with(.bold) : styles.text
            frame.put(
                NumberFormat.padLeft(String(ranks[index] + 1), rankWidth), x: area.x, y: y,
                style: isKey ? styles.selection : styles.muted)
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
