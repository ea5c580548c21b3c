import Foundation
import TensorFiles
import TestSupport
import Testing

@testable import Transformer

/// A copy of the tiny F32 model in a temporary folder, with `config.json` edited by `edit`.
private func modelCopy(_ name: String, edit: (inout [String: Any]) -> Void = { _ in }) throws -> URL {
    let source = ModelReference.folder("tiny-f32")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attnview-model-\(getpid())-\(name)")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.copyItem(at: source, to: folder)
    let configURL = folder.appendingPathComponent("config.json")
    var config = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: configURL)) as? [String: Any])
    edit(&config)
    try JSONSerialization.data(withJSONObject: config).write(to: configURL)
    return folder
}

private func loadError(_ folder: URL) -> ModelError? {
    do {
        _ = try BertModel(folder: folder)
        return nil
    } catch {
        return error
    }
}

@Test(arguments: [
    ("roberta", "model_type is \"roberta\""),
    ("no-heads", "no \"num_attention_heads\""),
    ("indivisible", "hidden_size 8 is not divisible by num_attention_heads 3"),
    ("relu", "hidden_act is \"relu\""),
    ("gelu-new", "hidden_act is \"gelu_new\""),
    ("negative", "\"num_hidden_layers\" must be a whole number"),
    ("more-layers", "no tensor named 'encoder.layer.2.attention.self.query.weight'"),
    (
        "wider",
        "tensor 'embeddings.word_embeddings.weight': shape [41, 8] disagrees with config.json (expected [41, 12])"
    ),
])
func badConfigsAreNamed(name: String, fragment: String) throws {
    let folder = try modelCopy(name) { config in
        switch name {
        case "roberta": config["model_type"] = "roberta"
        case "no-heads": config["num_attention_heads"] = nil
        case "indivisible": config["num_attention_heads"] = 3
        case "relu": config["hidden_act"] = "relu"
        case "gelu-new": config["hidden_act"] = "gelu_new"
        case "negative": config["num_hidden_layers"] = -1
        case "more-layers": config["num_hidden_layers"] = 3
        default: config["hidden_size"] = 12
        }
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = try #require(loadError(folder))
    #expect(error.description.contains(fragment), "\(error)")
    #expect(error.kind == .badData)
}

@Test func missingAndBrokenFilesAreNamed() throws {
    let folder = try modelCopy("files")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("[1, 2]".utf8).write(to: folder.appendingPathComponent("config.json"))
    #expect(loadError(folder)?.description.hasSuffix("config.json: not a JSON object") == true)
    try Data("{model".utf8).write(to: folder.appendingPathComponent("config.json"))
    #expect(loadError(folder)?.description.hasSuffix("config.json: not valid JSON") == true)
    try Data(count: (1 << 20) + 1).write(to: folder.appendingPathComponent("config.json"))
    #expect(loadError(folder)?.description.contains("larger than 1048576 bytes") == true)
    try FileManager.default.removeItem(at: folder.appendingPathComponent("config.json"))
    try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("config.json"), withIntermediateDirectories: false)
    #expect(loadError(folder)?.description.hasSuffix("config.json: is a directory, not a regular file") == true)
    try FileManager.default.removeItem(at: folder.appendingPathComponent("config.json"))
    #expect(loadError(folder) == .fileNotFound(path: folder.appendingPathComponent("config.json").path))
    #expect(loadError(folder)?.kind == .missing)

    let weights = try modelCopy("weights")
    defer { try? FileManager.default.removeItem(at: weights) }
    let weightsURL = weights.appendingPathComponent("model.safetensors")
    let bytes = try Data(contentsOf: weightsURL)
    try bytes.prefix(bytes.count / 2).write(to: weightsURL)
    #expect(loadError(weights)?.description.contains("lie outside") == true)
    #expect(loadError(weights)?.kind == .badData)
    try FileManager.default.removeItem(at: weightsURL)
    #expect(loadError(weights) == .fileNotFound(path: weightsURL.path))

    let vocabulary = try modelCopy("vocabulary")
    defer { try? FileManager.default.removeItem(at: vocabulary) }
    let vocabularyURL = vocabulary.appendingPathComponent("vocab.txt")
    try FileManager.default.removeItem(at: vocabularyURL)
    #expect(loadError(vocabulary) == .fileNotFound(path: vocabularyURL.path))
    #expect(loadError(vocabulary)?.description.contains("a model folder needs") == true)
    #expect(loadError(vocabulary)?.kind == .missing)
}

@Test func namesResolveUnderXDGDataHomeAndPathsAsGiven() throws {
    let environment = ["XDG_DATA_HOME": "/nonexistent-data", "HOME": "/home/someone"]
    #expect(ModelFolder.modelsDirectory(environment).path == "/nonexistent-data/attnview/models")
    #expect(ModelFolder.modelsDirectory(["HOME": "/home/someone"]).path == "/home/someone/.local/share/attnview/models")
    #expect(
        ModelFolder.modelsDirectory(["XDG_DATA_HOME": "relative", "HOME": "/h"]).path
            == "/h/.local/share/attnview/models")
    #expect(throws: ModelError.notInstalled(name: "minilm", folder: "/nonexistent-data/attnview/models/minilm")) {
        try ModelFolder.resolve("minilm", environment: environment)
    }
    let missing = ModelError.notInstalled(name: "minilm", folder: "/x/minilm")
    #expect(missing.description.contains("run `make model`"))
    #expect(throws: ModelError.folderNotFound(path: "./nope")) {
        try ModelFolder.resolve("./nope", environment: environment)
    }
    let tiny = ModelReference.folder("tiny-f32")
    #expect(try ModelFolder.resolve(tiny.path, environment: environment).path == tiny.path)
}

/// Fuzz-style: mutated config.json bytes are accepted or refused with `.badConfig`, never a trap.
@Test func mutatedConfigsAreReadOrRefusedNeverTrap() throws {
    let original = try [UInt8](
        Data(contentsOf: ModelReference.folder("tiny-f32").appendingPathComponent("config.json")))
    var state: UInt64 = 9
    func next() -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(truncatingIfNeeded: state >> 33)
    }
    var refused = 0
    for _ in 0..<3000 {
        var bytes = original
        for _ in 0...(next() % 3) {
            let index = next() % bytes.count
            switch next() % 3 {
            case 0: bytes[index] = UInt8(truncatingIfNeeded: next())
            case 1: bytes.remove(at: index)
            default: bytes.insert(Array("{}[]\",:-0123456789e.".utf8)[next() % 20], at: index)
            }
        }
        do {
            let config = try BertConfig(json: Data(bytes), path: "config.json")
            #expect(config.hiddenSize % config.heads == 0)
        } catch {
            guard case .badConfig(let path, _) = error else {
                Issue.record("unexpected \(error)")
                continue
            }
            #expect(path == "config.json")
            refused += 1
        }
    }
    #expect(refused > 500)
}

/// Each file of a model folder replaced by a FIFO: refused at once (it hung forever), naming it.
@Test(arguments: ["config.json", "vocab.txt", "tokenizer_config.json", "model.safetensors"])
func aFIFOInTheModelFolderIsRefusedAtOnce(file: String) throws {
    let folder = try modelCopy("fifo-\(file)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(file).path
    try? FileManager.default.removeItem(atPath: path)
    try TemporaryFolder.makeFIFO(at: path)
    let error = try #require(loadError(folder))
    #expect(error.description.hasPrefix(path + ": is a FIFO (named pipe), not a regular file"), "\(error)")
    #expect(error.kind == .badData)
}

/// A config.json or vocab.txt that is there but cannot be opened (a link to itself fails even for root)
/// was "no such file" (config.json) or exit 65 (vocab.txt); both are "cannot read", exit 66.
@Test(arguments: ["config.json", "vocab.txt"])
func anUnreadableFileIsNamedAsUnreadable(file: String) throws {
    let folder = try modelCopy("unreadable-\(file)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(file).path
    try FileManager.default.removeItem(atPath: path)
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: file)
    let error = try #require(loadError(folder))
    #expect(error.description == "\(path): cannot read (\(String(cString: strerror(ELOOP))))")
    #expect(error.kind == .missing)
}

/// `true` was read as the number 1 (Foundation's booleans cast to Int).
@Test(arguments: ["num_hidden_layers", "num_attention_heads", "type_vocab_size"])
func aBooleanIsNotANumber(key: String) throws {
    let folder = try modelCopy("boolean-\(key)") { $0[key] = true }
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = try #require(loadError(folder))
    #expect(
        error.description.hasSuffix(
            "\"\(key)\" must be a whole number from 1 to \(key == "num_hidden_layers" ? 1024 : 65536)"))
}

/// `true`, and an ε that float32 rounds to 0 (1e-84, found by `make fuzz`:
/// fuzz/corpus/config/layer-norm-eps-below-float32.json), are refused; float32's smallest normal is not.
@Test func theLayerNormEpsilonIsAPositiveFloat32() throws {
    let reason = "\"layer_norm_eps\" must be a number from 1.2e-38 (float32's smallest normal) to below 1"
    for epsilon: Any in [true, 1e-84, 1e-40, 0, 1] {
        let folder = try modelCopy("eps") { $0["layer_norm_eps"] = epsilon }
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(loadError(folder)?.description.hasSuffix(reason) == true, "\(epsilon)")
    }
    let json =
        #"{"model_type": "bert", "hidden_size": 8, "num_attention_heads": 2, "num_hidden_layers": 1, "#
        + #""intermediate_size": 8, "max_position_embeddings": 8, "type_vocab_size": 1, "layer_norm_eps": 1.2e-38}"#
    #expect(try BertConfig(json: Data(json.utf8), path: "config.json").layerNormEpsilon == 1.2e-38)
}

/// Strings a config.json holds reach its error message escaped, on one line (found by `make fuzz`:
/// fuzz/corpus/config/model-type-with-newline.json).
@Test(arguments: [
    (#"{"model_type":"badd_ss_attention.\n.\r\rt"}"#, #"model_type is "badd_ss_attention.\x0a.\x0d\x0dt""#),
    (
        #"{"model_type":"bert","position_embedding_type":"rel\u001b[2J"}"#,
        #""position_embedding_type" is "rel\x1b[2J""#
    ),
])
func configStringsAreQuotedEscaped(json: String, fragment: String) throws {
    do {
        _ = try BertConfig(json: Data(json.utf8), path: "config.json")
        Issue.record("accepted \(json)")
    } catch {
        #expect(error.description.contains(fragment), "\(error)")
        #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 }, "\(error)")
    }
}
