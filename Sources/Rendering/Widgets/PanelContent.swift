/// What a panel writes on its top edge: the title on the left, then on the right styled keys
/// (e.g. a curve's colours) and a muted note (e.g. "max 4×4").
struct PanelHeading {
    var title: String
    var note: String = ""
    var keys: [(text: String, style: CellStyle)] = []

    /// How many characters of title a panel `width` cells wide shows.
    static func titleRoom(width: Int) -> Int { max(0, width - 6) }
}

/// A widget shown inside a `Panel`: it says what goes on the panel's edge.
protocol PanelContent: Widget {
    /// The heading for a body of `area` (the panel's inside): notes may depend on its size.
    func heading(inside area: Rect, styles: ThemeStyles) -> PanelHeading
}
