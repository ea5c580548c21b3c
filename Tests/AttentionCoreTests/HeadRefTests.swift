import AttentionCore
import Testing

private let shape = ModelShape(layers: 6, heads: 12, headWidth: 32, tokens: [])

@Test func headAndLayerKeysWrapAround() {
    let last = HeadRef(layer: 5, head: 11)
    #expect(shape.stepping(last, heads: 1) == HeadRef(layer: 5, head: 0), "head wraps within the layer")
    #expect(shape.stepping(last, layers: 1) == HeadRef(layer: 0, head: 11))
    let first = HeadRef(layer: 0, head: 0)
    #expect(shape.stepping(first, heads: -1).head == 11)
    #expect(shape.stepping(first, layers: -1).layer == 5)
}

@Test func gridCursorStopsAtTheEdges() {
    let corner = HeadRef(layer: 0, head: 11)
    #expect(shape.moving(corner, layers: -1, heads: 1) == corner)
    #expect(shape.moving(corner, layers: 1, heads: -1) == HeadRef(layer: 1, head: 10))
}

/// Every way of choosing a head lands in `ModelHead.showing`, which refuses a head the model lacks.
@Test func showingAHeadKeepsTheRunAndRefusesOneOutside() {
    let labels = ModelHead(model: "m", text: "t", shape: shape, ref: HeadRef(layer: 0, head: 0))
    #expect(labels.showing(HeadRef(layer: 5, head: 11))?.ref == HeadRef(layer: 5, head: 11))
    #expect(labels.showing(HeadRef(layer: 5, head: 11))?.shape == shape)
    #expect(labels.showing(HeadRef(layer: 6, head: 0)) == nil && labels.showing(HeadRef(layer: 0, head: -1)) == nil)
}
