/// `A`: what dividing every head of every layer by the same multiple of its trained divisor does
/// to the model's output — the sentence embedding's cosine to the trained one, and each layer's
/// mean H / ln m now against as trained, with the change.
struct EverywherePanel: PanelContent {
    let summary: EverywhereSummary

    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading {
        PanelHeading(title: "every divisor × \(NumberFormat.exponentOrFixed(summary.factor))", note: "the whole model")
    }

    func draw(into frame: inout Frame, area whole: Rect, styles: ThemeStyles) {
        // One blank column inside the border, as the other panels keep.
        let area = Rect(x: whole.x + 1, y: whole.y, width: whole.width - 1, height: whole.height)
        guard area.width >= 20, area.height >= 1 else { return }
        let value = summary.cosine.isFinite ? NumberFormat.fixed(summary.cosine, 4) : "not finite"
        // On one line when it fits, else the label over "cos to trained" and the value.
        var y = area.y
        let long = "sentence embedding, cos to trained"
        if long.count + 2 + value.count > area.width {
            frame.put("sentence embedding:", x: area.x, y: y, style: styles.text, limit: area.width)
            y += 1
        }
        let label = long.count + 2 + value.count <= area.width ? long : "cos to trained"
        guard y < area.maxY else { return }
        frame.put(label, x: area.x, y: y, style: styles.text, limit: area.width)
        frame.put(value, x: area.x + label.count + 2, y: y, style: styles.text.with(.bold), limit: value.count)
        y += 1
        guard y + 1 < area.maxY else { return }
        // Right-aligned columns, 29 cells in all: the narrowest panel (80 × 24) holds them.
        let columns = ["layer", "H/ln m", "trained", "change"]
        let widths = [5, 8, 8, 8]
        var x = area.x
        for (title, width) in zip(columns, widths) {
            frame.put(NumberFormat.padLeft(title, width), x: x, y: y, style: styles.muted)
            x += width
        }
        for (layer, now) in summary.layerEntropy.enumerated() where y + 1 + layer < area.maxY {
            let trained = summary.trainedLayerEntropy[safe: layer]
            let change = trained.map { now - $0 }
            let cells = [
                "\(layer)", NumberFormat.fixed(now, 4), trained.map { NumberFormat.fixed($0, 4) } ?? "–",
                change.map { ($0 >= 0 ? "+" : "") + NumberFormat.fixed($0, 3) } ?? "–",
            ]
            x = area.x
            for (text, width) in zip(cells, widths) {
                frame.put(NumberFormat.padLeft(text, width), x: x, y: y + 1 + layer, style: styles.text)
                x += width
            }
        }
    }
}
