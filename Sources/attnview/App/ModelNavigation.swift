/// Moving between a model's heads: `.`/`,` step through the heads of a layer and PgDn/PgUp through
/// the layers, both wrapping around; the heads grid's cursor stops at the edges.
struct ModelNavigation: Equatable, Sendable {
    var layer: Int
    var head: Int
    let layers: Int
    let heads: Int

    /// Next or previous head (`.` / `,`), wrapping within the layer.
    func steppingHead(by delta: Int) -> ModelNavigation {
        var next = self
        next.head = Self.wrapped(head + delta, count: heads)
        return next
    }

    /// Next or previous layer (PgDn / PgUp), wrapping; the head stays.
    func steppingLayer(by delta: Int) -> ModelNavigation {
        var next = self
        next.layer = Self.wrapped(layer + delta, count: layers)
        return next
    }

    /// The grid cursor moved by whole cells, kept inside the grid.
    func movingCursor(layers deltaLayers: Int, heads deltaHeads: Int) -> ModelNavigation {
        var next = self
        next.layer = min(max(0, layer + deltaLayers), max(0, layers - 1))
        next.head = min(max(0, head + deltaHeads), max(0, heads - 1))
        return next
    }

    private static func wrapped(_ value: Int, count: Int) -> Int {
        guard count > 0 else { return 0 }
        return ((value % count) + count) % count
    }
}
