import Foundation
import Testing

@testable import TensorFiles
@testable import Transformer

/// What scripts/make_model_fixtures.py's float64 numpy forward pass says each tiny model gives.
struct ModelReference: Decodable {
    struct Text: Decodable {
        let text: String
        let tokens: [String]
        let ids: [Int]
        /// Per layer, n × hidden (all heads side by side).
        let q: [[[Double]]]
        let k: [[[Double]]]
    }

    let models: [String: [Text]]
    let layers: Int
    let heads: Int
    let hidden: Int

    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/models")
    static let shared: ModelReference = try! JSONDecoder().decode(
        ModelReference.self, from: Data(contentsOf: directory.appendingPathComponent("reference.json")))

    static func folder(_ name: String) -> URL { directory.appendingPathComponent(name) }
}

/// Float32 against a float64 reference: 24-bit mantissas (6e-8 relative per operation) through two
/// layers of sums of at most 16 terms, LayerNorm, exp and erf stay below 1e-5; 1e-4 (absolute plus
/// relative) leaves room for that and still fails any wrong formula, which moves values by > 1e-2.
let tolerance = 1e-4

func expectClose(_ actual: Matrix, _ expected: [[Double]], columns: Range<Int>, _ what: String) {
    #expect(actual.rows == expected.count, "\(what) rows")
    #expect(actual.cols == columns.count, "\(what) columns")
    var worst = 0.0
    for row in 0..<min(actual.rows, expected.count) {
        for (column, source) in columns.enumerated() {
            let want = expected[row][source]
            worst = max(worst, abs(Double(actual[row, column]) - want) / (1 + abs(want)))
        }
    }
    #expect(worst < tolerance, "\(what): worst relative difference \(worst)")
}

@Test(arguments: ["tiny-f32", "tiny-f32-bert", "tiny-f16", "tiny-f16-bert"])
func everyLayerAndHeadMatchesNumpy(model name: String) throws {
    let reference = ModelReference.shared
    let model = try BertModel(folder: ModelReference.folder(name))
    #expect(model.config.layers == reference.layers)
    #expect(model.config.heads == reference.heads)
    let size = reference.hidden / reference.heads
    for text in try #require(reference.models[name]) {
        let encoding = try model.encode(text.text)
        #expect(encoding.tokens == text.tokens)
        #expect(encoding.qk.tokens == text.ids.count)
        for layer in 0..<reference.layers {
            for head in 0..<reference.heads {
                let columns = (head * size)..<((head + 1) * size)
                let label = "\(name) '\(text.text)' layer \(layer) head \(head)"
                expectClose(
                    encoding.qk.queries(layer: layer, head: head), text.q[layer], columns: columns, "Q " + label)
                expectClose(encoding.qk.keys(layer: layer, head: head), text.k[layer], columns: columns, "K " + label)
            }
        }
    }
}

@Test func float32WeightsAreViewedInPlaceNotCopied() throws {
    let file = try SafetensorsFile(
        path: ModelReference.folder("tiny-f32").appendingPathComponent("model.safetensors").path)
    let model = try BertModel(folder: ModelReference.folder("tiny-f32"))
    let weights = try BertWeights(file: file, config: model.config)
    #expect(weights.wordEmbeddings.isInPlace)
    #expect(weights.layers[1].intermediate.weight.isInPlace)
}

@Test func emptyAndOverlongTextsAreRefused() throws {
    let model = try BertModel(folder: ModelReference.folder("tiny-f32"))
    #expect(throws: ModelError.emptyText) { try model.encode("") }
    #expect(throws: ModelError.emptyText) { try model.encode(" \n\t ") }
    let long = Array(repeating: "cat", count: 15).joined(separator: " ")
    #expect(throws: ModelError.textTooLong(tokens: 17, limit: 16)) { try model.encode(long) }
    #expect(try model.encode(Array(repeating: "cat", count: 14).joined(separator: " ")).tokens.count == 16)
}
