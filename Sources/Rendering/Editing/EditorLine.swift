import TensorFiles

/// The text editor on the status line: a prompt, the field, and its two keys; or, after a refused
/// Enter, the reason in place of the keys, so the user sees why the text did not run.
struct EditorLine: Widget {
    let editor: LineEditor

    /// The field keeps at least this many cells next to a long problem.
    static let minimumField = 12

    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles) {
        guard area.height >= 1 else { return }
        let row = area.y
        frame.fill(Rect(x: area.x, y: row, width: area.width, height: 1), with: styles.status.cell(" "))
        let x = frame.put("text ▸ ", x: area.x + 1, y: row, style: styles.status.with(.bold))
        let room = area.maxX - x
        let keys =
            editor.problem.map {
                "  "
                    + DisplayWidth.abbreviated(
                        VisibleControls.escaped($0) + " · Esc cancel", to: max(1, room - Self.minimumField - 3))
                    + " "
            } ?? "  Enter run · Esc cancel "
        let fieldWidth = max(1, room - DisplayWidth.of(keys))
        editor.draw(into: &frame, x: x, y: row, width: fieldWidth, style: styles.status)
        frame.put(
            keys, x: x + fieldWidth, y: row, style: editor.problem == nil ? styles.status : styles.status.with(.bold))
    }
}
