/// The text editor on the status line: a prompt, the field, and its two keys.
struct EditorLine: Widget {
    let editor: LineEditor

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.height >= 1 else { return }
        let row = area.y
        frame.fill(Rect(x: area.x, y: row, width: area.width, height: 1), with: styles.status.cell(" "))
        let keys = "  Enter run · Esc cancel "
        let x = frame.put("text ▸ ", x: area.x + 1, y: row, style: styles.status.with(.bold))
        let fieldWidth = max(1, area.maxX - x - keys.count)
        editor.draw(into: &frame, x: x, y: row, width: fieldWidth, style: styles.status)
        frame.put(keys, x: x + fieldWidth, y: row, style: styles.status)
    }
}
