import Foundation
import TestSupport
import Testing

@testable import Transformer

/// The tiny F32 model with `max_position_embeddings` raised to `positions` (its position table padded
/// with zeros): a 1–2 MB model whose config lets a long text ask for n² floats.
private func longModel(positions: Int, in folder: TemporaryFolder) throws -> URL {
    let source = ModelReference.folder("tiny-f32")
    let target = folder.url.appendingPathComponent("long")
    try FileManager.default.copyItem(at: source, to: target)
    let configURL = target.appendingPathComponent("config.json")
    var config = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: configURL)) as? [String: Any])
    config["max_position_embeddings"] = positions
    try JSONSerialization.data(withJSONObject: config).write(to: configURL)
    let weightsURL = target.appendingPathComponent("model.safetensors")
    let bytes = try Data(contentsOf: weightsURL)
    let length = Int(bytes.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
    let header = try #require(
        try JSONSerialization.jsonObject(with: bytes.subdata(in: 8..<(8 + length))) as? [String: Any])
    let data = bytes.subdata(in: (8 + length)..<bytes.count)
    var entries: [String: Any] = [:]
    var body = Data()
    let tensors = header.filter { $0.key != "__metadata__" }.compactMap { name, value in
        (value as? [String: Any]).map { (name, $0) }
    }
    for (name, entry) in tensors.sorted(by: { $0.0 < $1.0 }) {
        var entry = entry
        let offsets = try #require(entry["data_offsets"] as? [Int])
        var tensor = data.subdata(in: offsets[0]..<offsets[1])
        if name.hasSuffix("position_embeddings.weight"), let shape = entry["shape"] as? [Int] {
            tensor.append(Data(count: (positions - shape[0]) * shape[1] * 4))
            entry["shape"] = [positions, shape[1]]
        }
        entry["data_offsets"] = [body.count, body.count + tensor.count]
        body.append(tensor)
        entries[name] = entry
    }
    var json = try JSONSerialization.data(withJSONObject: entries)
    json.append(contentsOf: [UInt8](repeating: 0x20, count: (8 - json.count % 8) % 8))
    var file = withUnsafeBytes(of: UInt64(json.count).littleEndian) { Data($0) }
    file.append(json)
    file.append(body)
    try file.write(to: weightsURL)
    return target
}

/// A 2 MB model allowing 65 536 positions ran its encoder on a 17 000-token text (n² floats: 1.1 GB
/// for one head's scores); now the memory is worked out first and the text refused, naming the budget.
@Test func aTextOverTheMemoryBudgetIsRefusedBeforeTheEncoderRuns() throws {
    let folder = try TemporaryFolder("encoder-budget")
    defer { folder.remove() }
    let model = try BertModel(folder: try longModel(positions: 65536, in: folder))
    let text = String(repeating: "cat ", count: 17_000)
    let bytes = BertEncoder.workingBytes(tokens: 17_002, config: model.config)
    #expect(bytes > BertEncoder.memoryBudget)
    #expect(throws: ModelError.overMemoryBudget(tokens: 17_002, bytes: bytes, budget: 1 << 30)) {
        try model.encode(text)
    }
    let error = ModelError.overMemoryBudget(tokens: 17_002, bytes: bytes, budget: 1 << 30)
    #expect(error.kind == .badData)
    #expect(error.description.hasSuffix("over attnview's memory budget of 1024 MiB"))
    #expect(try model.encode("cat cat").tokens.count == 4)
}

/// attnview shows at most 4096 tokens; a longer text is refused before the encoder runs (16 384 tokens
/// took 1.08 GB of encoder memory before the refusal).
@Test func aTextOverTheCallersTokenLimitIsRefusedBeforeTheEncoderRuns() throws {
    let folder = try TemporaryFolder("encoder-tokens")
    defer { folder.remove() }
    let model = try BertModel(folder: try longModel(positions: 8192, in: folder))
    #expect(throws: ModelError.tooManyTokens(tokens: 5002, limit: 4096)) {
        try model.encode(String(repeating: "cat ", count: 5000), maxTokens: 4096)
    }
    #expect(ModelError.tooManyTokens(tokens: 5002, limit: 4096).kind == .usage)
}

/// MiniLM's own figures: well inside the budget at its 512 positions.
@Test func workingBytesCountsQKeptAndOneHeadsScores() throws {
    let config = try BertModel(folder: ModelReference.folder("tiny-f32")).config
    let n = 10
    let floats =
        2 * config.layers * n * config.hiddenSize + 7 * n * config.hiddenSize + n * config.intermediateSize + n * n
    #expect(BertEncoder.workingBytes(tokens: n, config: config) == 4 * floats)
}
