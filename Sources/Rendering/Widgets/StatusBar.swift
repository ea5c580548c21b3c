/// The bottom line: the status message (or a summary of the view) on the left, the main keys on
/// the right.
struct StatusBar {
    let message: String
    let hint: String

    func draw(into frame: inout Frame, row: Int, width: Int, styles: ThemeStyles) {
        frame.fill(Rect(x: 0, y: row, width: width, height: 1), with: styles.status.cell(" "))
        let right = hint.count + 1 < width / 2 ? hint : ""
        frame.put(message, x: 1, y: row, style: styles.status, limit: width - 2 - (right.isEmpty ? 0 : right.count + 2))
        if !right.isEmpty { frame.put(right, x: width - 1 - right.count, y: row, style: styles.status.with(.bold)) }
    }
}
