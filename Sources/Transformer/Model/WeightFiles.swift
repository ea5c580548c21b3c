import Foundation
import TensorFiles

/// The safetensors files holding a model's weights: one `model.safetensors`, or the shards a
/// `model.safetensors.index.json` lists (HuggingFace's layout above ~2 GB). A tensor is read from
/// the file that holds it, so the encoder does not care how the weights were split.
public struct WeightFiles: Sendable {
    /// The files, each read once.
    let files: [SafetensorsFile]
    /// Tensor name → index into `files`.
    let fileOfTensor: [String: Int]
    /// The file named in errors about the weights as a whole (the single file or the index).
    public let path: String

    /// Largest index read; checked against the file's size first (BERT-large's is ~30 KB).
    static let maxIndexBytes = 16 << 20
    /// Most shards an index may list.
    static let maxShards = 4096

    /// The weights of one safetensors file.
    public init(single file: SafetensorsFile) {
        files = [file]
        fileOfTensor = Dictionary(uniqueKeysWithValues: file.header.entries.keys.map { ($0, 0) })
        path = file.path
    }

    /// The shards `index` (a `model.safetensors.index.json`) lists by tensor in its `weight_map`. Every
    /// shard is a plain file name in the index's folder; a tensor missing from its shard is reported when read.
    public init(index: String) throws(ModelError) {
        path = index
        let bytes: [UInt8]
        func bad(_ reason: String) -> ModelError { .badConfig(path: index, reason: reason) }
        do {
            bytes = try InputFile(path: index).readAll(limit: Self.maxIndexBytes)
        } catch {
            if case .tooLarge = error { throw bad("larger than \(Self.maxIndexBytes) bytes, not a safetensors index") }
            throw .weightsFile(error)
        }
        let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [])
        guard let root = object as? [String: Any] else { throw bad("not a JSON object") }
        guard let map = root["weight_map"] as? [String: Any] else {
            throw bad("no \"weight_map\" object (tensor name → shard file)")
        }
        let folder = URL(fileURLWithPath: index).deletingLastPathComponent()
        var shardIndex: [String: Int] = [:]
        var files: [SafetensorsFile] = []
        var fileOfTensor: [String: Int] = [:]
        // In name order, so a bad index always reports the same entry.
        for name in map.keys.sorted() {
            guard let shard = map[name] as? String, Self.isPlainFileName(shard) else {
                throw bad("\"weight_map\" entry '\(name)' must name a file in the model folder (no '/', not '..')")
            }
            if let known = shardIndex[shard] {
                fileOfTensor[name] = known
                continue
            }
            guard files.count < Self.maxShards else { throw bad("more than \(Self.maxShards) shards") }
            let shardPath = folder.appendingPathComponent(shard).path
            do {
                files.append(try SafetensorsFile(path: shardPath))
            } catch {
                throw .weightsFile(error)
            }
            shardIndex[shard] = files.count - 1
            fileOfTensor[name] = files.count - 1
        }
        guard !files.isEmpty else { throw bad("\"weight_map\" lists no tensors") }
        self.files = files
        self.fileOfTensor = fileOfTensor
    }

    /// A shard's name as an index may give it: one path component, printable, not hidden.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 255 && !name.hasPrefix(".") && !name.contains("/")
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// Whether some file holds `name`.
    func contains(_ name: String) -> Bool { fileOfTensor[name] != nil }

    /// The tensor `name` from the file that holds it.
    func floats(named name: String) throws(TensorFileError) -> FloatTensor {
        guard let index = fileOfTensor[name] else { throw .missingTensor(path: path, tensor: name) }
        return try files[index].floats(named: name)
    }
}
