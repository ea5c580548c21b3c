import Foundation
import Testing

@testable import Transformer

/// scripts/make_embed_fixtures.py: a float64 numpy run with every head's divisor × alpha, mean-pooled.
struct EmbedReference: Decodable {
    struct Alpha: Decodable {
        let alpha: Double
        let cosine: [[Double]]
        let cosineToAlphaOne: [Double]
        let layerEntropy: [[Double]]
        let embeddings: [[Double]]?

        enum CodingKeys: String, CodingKey {
            case alpha, cosine, embeddings
            case cosineToAlphaOne = "cosine_to_alpha_1"
            case layerEntropy = "layer_entropy"
        }
    }

    struct Model: Decodable {
        let texts: [String]
        let tokens: [[String]]
        let alphas: [Alpha]
    }

    static let shared: [String: Model] = try! JSONDecoder().decode(
        [String: Model].self,
        from: Data(contentsOf: ModelReference.directory.appendingPathComponent("embed_reference.json")))
}

private let installedMiniLM: URL? = try? ModelFolder.resolve(
    ModelFolder.referenceName, environment: ProcessInfo.processInfo.environment)

@Suite struct EmbeddingTests {
    /// The divisor × alpha in every layer propagates: embeddings match numpy at every alpha, not only at 1.
    @Test func tinyEmbeddingsFollowTheDivisorEverywhere() throws {
        let reference = try #require(EmbedReference.shared["tiny-f32"])
        let model = try BertModel(folder: ModelReference.folder("tiny-f32"))
        for entry in reference.alphas {
            let embeddings = try reference.texts.map { try model.encode($0, alpha: entry.alpha).qk.meanPooled }
            let expected = try #require(entry.embeddings)
            for (actual, want) in zip(embeddings, expected) {
                let worst = zip(actual, want).map { abs(Double($0) - $1) / (1 + abs($1)) }.max() ?? 1
                #expect(worst < 1e-4, "alpha \(entry.alpha): \(worst)")
            }
            for i in embeddings.indices {
                for j in embeddings.indices {
                    let cosine = try #require(cosineSimilarity(embeddings[i], embeddings[j]))
                    #expect(abs(cosine - entry.cosine[i][j]) < 1e-5)
                }
            }
        }
        let halved = try model.encode(reference.texts[0], alpha: 0.5).qk.meanPooled
        let trained = try model.encode(reference.texts[0]).qk.meanPooled
        #expect(halved != trained)
    }

    @Test func cosineOfZeroIsNotANumberButNil() {
        #expect(cosineSimilarity([0, 0], [1, 0]) == nil)
        #expect(cosineSimilarity([1, 0], [.nan, 0]) == nil)
        #expect(cosineSimilarity([1, 1], [2, 2]) == 1)
        #expect(cosineSimilarity([1, 0], [-3, 0]) == -1)
    }

    /// The model's published similarity of the first two texts is 0.8939; every alpha against numpy.
    @Test(.enabled(if: installedMiniLM != nil, "MiniLM is not installed (run `make model`): skipped"))
    func miniLMSimilaritiesMatchNumpyAndThePublishedFigure() throws {
        let reference = try #require(EmbedReference.shared["minilm"])
        let model = try BertModel(folder: try #require(installedMiniLM))
        let trained = try reference.texts.map { try model.encode($0).qk.meanPooled }
        let published = try #require(cosineSimilarity(trained[0], trained[1]))
        #expect(abs(published - 0.8939) < 5e-5, "\(published)")
        for entry in reference.alphas {
            let embeddings = try reference.texts.map { try model.encode($0, alpha: entry.alpha).qk.meanPooled }
            for i in embeddings.indices {
                #expect(abs((cosineSimilarity(embeddings[i], trained[i]) ?? 0) - entry.cosineToAlphaOne[i]) < 1e-4)
                for j in embeddings.indices {
                    #expect(abs((cosineSimilarity(embeddings[i], embeddings[j]) ?? 0) - entry.cosine[i][j]) < 1e-4)
                }
            }
        }
    }
}
