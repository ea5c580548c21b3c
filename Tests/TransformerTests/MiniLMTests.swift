import Foundation
import TensorFiles
import Testing

@testable import Transformer

/// scripts/make_minilm_fixture.py's float64 numpy run of the real all-MiniLM-L6-v2 on one text.
private struct MiniLMReference: Decodable {
    struct Head: Decodable {
        let layer: Int
        let head: Int
        let q: [[Double]]
        let k: [[Double]]
    }

    let text: String
    let tokens: [String]
    let heads: [Head]
    let qSquareSums: [[Double]]
    let kSquareSums: [[Double]]

    enum CodingKeys: String, CodingKey {
        case text, tokens, heads
        case qSquareSums = "q_square_sums"
        case kSquareSums = "k_square_sums"
    }
}

/// Where `make model` installs MiniLM for this user; nil when it is not installed.
private let installedMiniLM: URL? = try? ModelFolder.resolve(
    ModelFolder.referenceName, environment: ProcessInfo.processInfo.environment)

@Test(.enabled(if: installedMiniLM != nil, "MiniLM is not installed (run `make model`): skipped"))
func realMiniLMMatchesNumpy() throws {
    let folder = try #require(installedMiniLM)
    let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/minilm/reference.json")
    let reference = try JSONDecoder().decode(MiniLMReference.self, from: Data(contentsOf: url))
    let model = try BertModel(folder: folder)
    #expect(model.config.layers == 6 && model.config.heads == 12 && model.config.headSize == 32)
    let encoding = try model.encode(reference.text)
    #expect(encoding.tokens == reference.tokens)
    for head in reference.heads {
        expectClose(
            encoding.qk.queries(layer: head.layer, head: head.head), head.q, columns: 0..<32,
            "MiniLM Q layer \(head.layer) head \(head.head)")
        expectClose(
            encoding.qk.keys(layer: head.layer, head: head.head), head.k, columns: 0..<32,
            "MiniLM K layer \(head.layer) head \(head.head)")
    }
    for layer in 0..<6 {
        for head in 0..<12 {
            let q = encoding.qk.queries(layer: layer, head: head).values.reduce(0.0) { $0 + Double($1 * $1) }
            let k = encoding.qk.keys(layer: layer, head: head).values.reduce(0.0) { $0 + Double($1 * $1) }
            #expect(abs(q - reference.qSquareSums[layer][head]) < tolerance * reference.qSquareSums[layer][head])
            #expect(abs(k - reference.kSquareSums[layer][head]) < tolerance * reference.kSquareSums[layer][head])
        }
    }
}
