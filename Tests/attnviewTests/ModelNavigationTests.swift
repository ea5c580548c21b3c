import Testing

@testable import attnview

@Test func headAndLayerKeysWrapAround() {
    let start = ModelNavigation(layer: 5, head: 11, layers: 6, heads: 12)
    #expect(start.steppingHead(by: 1).head == 0 && start.steppingHead(by: 1).layer == 5, "head wraps within the layer")
    #expect(start.steppingLayer(by: 1).layer == 0 && start.steppingLayer(by: 1).head == 11)
    let first = ModelNavigation(layer: 0, head: 0, layers: 6, heads: 12)
    #expect(first.steppingHead(by: -1).head == 11)
    #expect(first.steppingLayer(by: -1).layer == 5)
}

@Test func gridCursorStopsAtTheEdges() {
    let corner = ModelNavigation(layer: 0, head: 11, layers: 6, heads: 12)
    #expect(corner.movingCursor(layers: -1, heads: 1) == corner)
    #expect(corner.movingCursor(layers: 1, heads: -1) == ModelNavigation(layer: 1, head: 10, layers: 6, heads: 12))
}
