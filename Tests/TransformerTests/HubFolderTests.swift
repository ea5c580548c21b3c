import Foundation
import Testing

@testable import Transformer

/// Model folders laid out as HuggingFace repos ship them: tokenizer.json without vocab.txt, sharded
/// weights, PyTorch-only or BPE folders, and configs asking for attention the encoder does not compute.
@Suite struct HubFolderTests {
    /// A fresh copy of fixture model `name` in a temporary folder, changed by `edit`.
    static func copy(_ name: String, as label: String, edit: (URL) throws -> Void = { _ in }) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attnview-hub-\(getpid())-\(label)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(at: ModelReference.folder(name), to: folder)
        try edit(folder)
        return folder
    }

    static func loadError(_ folder: URL) -> ModelError? {
        do {
            _ = try BertModel(folder: folder)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["cased_json", "uncased_template_json"])
    func tokenizerJSONMatchesHuggingFace(set: String) throws {
        let folder = try TokenizerFixtureTests.folder(set)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("vocab.txt").path))
        let tokenizer = try BertTokenizer(folder: folder)
        let cases = try TokenizerFixtureTests.expected(set)
        #expect(cases.count >= 40)
        for expected in cases {
            let tokens = tokenizer.encode(expected.text)
            #expect(tokens.map(\.text) == expected.tokens, "\(set): \(expected.text.debugDescription)")
            #expect(tokens.map(\.id) == expected.ids, "\(set): \(expected.text.debugDescription)")
        }
    }

    @Test func tokenizerJSONCarriesTheNormalizerOptions() throws {
        let uncased = try BertTokenizer(folder: TokenizerFixtureTests.folder("uncased_template_json"))
        #expect(
            uncased.options
                == BertTokenizer.Options(lowercase: true, stripAccents: nil, tokenizeChineseCharacters: false))
        let cased = try BertTokenizer(folder: TokenizerFixtureTests.folder("cased_json"))
        #expect(cased.options == BertTokenizer.Options(lowercase: false, stripAccents: false))
    }

    /// Sharded weights and tokenizer.json give the tiny model's numpy Q and K, as model.safetensors + vocab.txt do.
    @Test func shardedHubFolderMatchesNumpy() throws {
        let reference = ModelReference.shared
        let model = try BertModel(folder: ModelReference.folder("tiny-f32-hub"))
        let size = reference.hidden / reference.heads
        for text in try #require(reference.models["tiny-f32"]) {
            let encoding = try model.encode(text.text)
            #expect(encoding.tokens == text.tokens)
            for layer in 0..<reference.layers {
                for head in 0..<reference.heads {
                    let columns = (head * size)..<((head + 1) * size)
                    let label = "hub '\(text.text)' layer \(layer) head \(head)"
                    expectClose(encoding.qk.queries(layer: layer, head: head), text.q[layer], columns: columns, label)
                    expectClose(encoding.qk.keys(layer: layer, head: head), text.k[layer], columns: columns, label)
                }
            }
        }
    }

    @Test func brokenIndexesAreNamed() throws {
        let folder = try Self.copy("tiny-f32-hub", as: "index")
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = folder.appendingPathComponent("model.safetensors.index.json")
        let original = try Data(contentsOf: index)
        let cases: [(String, String)] = [
            ("[1]", "not a JSON object"),
            ("{\"metadata\": {}}", "no \"weight_map\""),
            ("{\"weight_map\": {\"a\": \"../model.safetensors\"}}", "must name a file in the model folder"),
            ("{\"weight_map\": {\"a\": \"/etc/passwd\"}}", "must name a file in the model folder"),
            ("{\"weight_map\": {}}", "lists no tensors"),
        ]
        for (text, fragment) in cases {
            try Data(text.utf8).write(to: index)
            let error = try #require(Self.loadError(folder))
            #expect(error.description.contains(fragment), "\(text): \(error)")
            #expect(error.kind == .badData)
        }
        try original.write(to: index)
        let shard = folder.appendingPathComponent("model-00002-of-00002.safetensors")
        try FileManager.default.removeItem(at: shard)
        #expect(Self.loadError(folder) == .fileNotFound(path: shard.path))
    }

    @Test func pytorchOnlyFolderSaysHowToConvert() throws {
        let folder = try Self.copy("tiny-f32", as: "pickle") { folder in
            try FileManager.default.removeItem(at: folder.appendingPathComponent("model.safetensors"))
            try Data("not a pickle".utf8).write(to: folder.appendingPathComponent("pytorch_model.bin"))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(Self.loadError(folder))
        #expect(error.kind == .badData)
        let text = error.description
        #expect(text.hasPrefix(folder.appendingPathComponent("pytorch_model.bin").path + ": PyTorch pickle weights"))
        #expect(text.contains("safetensors only"))
        #expect(text.contains("save_file("))
        #expect(text.contains("'\(folder.appendingPathComponent("model.safetensors").path)'"))
    }

    @Test func bpeOnlyFolderIsNamed() throws {
        let folder = try Self.copy("tiny-f32", as: "bpe") { folder in
            try FileManager.default.removeItem(at: folder.appendingPathComponent("vocab.txt"))
            try Data("{}".utf8).write(to: folder.appendingPathComponent("vocab.json"))
            try Data("#version: 0.2\n".utf8).write(to: folder.appendingPathComponent("merges.txt"))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(Self.loadError(folder))
        #expect(error.kind == .badData)
        #expect(error.description.contains("vocab.json: a BPE tokenizer"), "\(error)")
    }

    @Test func bpeTokenizerJSONIsRefusedByKey() throws {
        let text = """
            {"model": {"type": "BPE", "vocab": {}, "merges": []}, "normalizer": null,
             "pre_tokenizer": {"type": "ByteLevel"}, "post_processor": null}
            """
        #expect(
            throws: TokenizerError.unsupported(
                path: "t.json", key: "model.type", found: "\"BPE\"", supported: "\"WordPiece\" (BERT's tokenizer) only")
        ) { try BertTokenizer(tokenizerJSON: Array(text.utf8), path: "t.json") }
    }

    @Test func tokenizerJSONSettingsThatChangeTokensAreRefused() throws {
        let original = try Data(
            contentsOf: TokenizerFixtureTests.folder("cased_json").appendingPathComponent("tokenizer.json"))
        let edits: [(String, ([String: Any]) -> [String: Any], String)] = [
            (
                "normalizer",
                {
                    var r = $0
                    r["normalizer"] = ["type": "NFKC"]
                    return r
                }, "\"normalizer.type\" is \"NFKC\""
            ),
            (
                "pre",
                {
                    var r = $0
                    r["pre_tokenizer"] = ["type": "Whitespace"]
                    return r
                }, "\"pre_tokenizer.type\""
            ),
            (
                "post",
                {
                    var r = $0
                    r["post_processor"] = NSNull()
                    return r
                }, "\"post_processor\" is null"
            ),
            (
                "prefix",
                {
                    var r = $0
                    var m = r["model"] as! [String: Any]
                    m["continuing_subword_prefix"] = "@@"
                    r["model"] = m
                    return r
                },
                "\"model.continuing_subword_prefix\" is \"@@\""
            ),
            (
                "added",
                {
                    var r = $0
                    r["added_tokens"] = [["id": 5, "content": "The", "special": false]]
                    return r
                },
                "\"added_tokens\" is \"The\""
            ),
            (
                "gap",
                {
                    var r = $0
                    var m = r["model"] as! [String: Any]
                    var v = m["vocab"] as! [String: Any]
                    v["The"] = 500
                    m["vocab"] = v
                    r["model"] = m
                    return r
                },
                "model.vocab[\"The\"]\" must be an id from 0"
            ),
        ]
        let root = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
        for (label, edit, fragment) in edits {
            let bytes = try JSONSerialization.data(withJSONObject: edit(root))
            do {
                _ = try BertTokenizer(tokenizerJSON: [UInt8](bytes), path: "tokenizer.json")
                Issue.record("\(label): accepted")
            } catch {
                #expect(error.description.contains(fragment), "\(label): \(error)")
            }
        }
    }

    @Test(arguments: [
        ("position_embedding_type", "\"relative_key\"" as String),
        ("is_decoder", "true"),
        ("add_cross_attention", "true"),
        ("is_decoder", "\"false\""),
        ("pruned_heads", "{\"0\": [1]}"),
        ("quantization_config", "{\"bits\": 4}"),
    ])
    func configKeysThatChangeTheComputationAreRefused(key: String, value: String) throws {
        let folder = try Self.copy("tiny-f32", as: "config-\(key)") { folder in
            let url = folder.appendingPathComponent("config.json")
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(
                of: "{", with: "{\"\(key)\": \(value),", options: [], range: text.range(of: "{"))
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(Self.loadError(folder))
        #expect(error.kind == .badData)
        #expect(error.description.contains("\"\(key)\" is "), "\(error)")
        #expect(error.description.contains("does not implement it"), "\(error)")
    }

    @Test func configKeysAtTheirImplementedValuesAreAccepted() throws {
        let folder = try Self.copy("tiny-f32", as: "config-ok") { folder in
            let url = folder.appendingPathComponent("config.json")
            var text = try String(contentsOf: url, encoding: .utf8)
            let keys = """
                {"position_embedding_type": "absolute", "is_decoder": false, "add_cross_attention": false,
                 "pruned_heads": {}, "quantization_config": null, "use_cache": true,
                """
            text = text.replacingOccurrences(of: "{", with: keys, options: [], range: text.range(of: "{"))
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Self.loadError(folder) == nil)
    }
}
