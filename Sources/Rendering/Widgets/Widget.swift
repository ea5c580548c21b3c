/// Anything drawn into a rectangle of a frame. Widgets never look outside their rectangle or at a
/// terminal, so each one is tested as text, and the renderer is a list of (layout slot, widget).
protocol Widget {
    func draw(into frame: inout Frame, area: Rect, styles: ThemeStyles)
}
