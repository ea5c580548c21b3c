import Foundation

/// Which files of a HuggingFace model folder attnview reads, and what it says about the layouts it
/// recognises but cannot read (PyTorch pickles, other weight formats, BPE or SentencePiece tokenizers).
enum ModelFolderLayout {
    /// Where the weights are.
    enum Weights {
        /// `model.safetensors`.
        case single(path: String)
        /// `model.safetensors.index.json` and the shards it lists.
        case sharded(index: String)
    }

    static let weightsFile = "model.safetensors"
    static let indexFile = "model.safetensors.index.json"

    /// The weights of `folder`; throws `.unsupportedFiles` for a folder holding only weights attnview
    /// does not read, and `.fileNotFound` for one with none.
    static func weights(in folder: URL) throws(ModelError) -> Weights {
        let single = folder.appendingPathComponent(weightsFile).path
        if exists(single) { return .single(path: single) }
        let index = folder.appendingPathComponent(indexFile).path
        if exists(index) { return .sharded(index: index) }
        if let pickle = ["pytorch_model.bin", "pytorch_model.bin.index.json"].first(where: { exists(folder, $0) }) {
            let target = folder.appendingPathComponent(weightsFile).path
            let advice =
                pickle == "pytorch_model.bin"
                ? "convert it once with: " + conversionCommand(folder.appendingPathComponent(pickle).path, target)
                : "convert them with transformers: python3 -c \"from transformers import AutoModel; "
                    + "AutoModel.from_pretrained('\(folder.path)').save_pretrained('\(folder.path)')\""
            throw .unsupportedFiles(
                path: folder.appendingPathComponent(pickle).path,
                reason: "PyTorch pickle weights and no \(weightsFile): attnview reads safetensors only; " + advice)
        }
        let others = ["tf_model.h5", "flax_model.msgpack", "model.onnx", "pytorch_model.pt"]
        if let other = others.first(where: { exists(folder, $0) }) {
            throw .unsupportedFiles(
                path: folder.appendingPathComponent(other).path,
                reason: "weights in a format attnview does not read and no \(weightsFile) (safetensors only)")
        }
        throw .fileNotFound(path: single)
    }

    /// Refuses a folder whose only tokenizer is one attnview does not implement (BERT's WordPiece only).
    static func checkTokenizer(in folder: URL) throws(ModelError) {
        guard !exists(folder, "vocab.txt"), !exists(folder, "tokenizer.json") else { return }
        if let bpe = ["vocab.json", "merges.txt"].first(where: { exists(folder, $0) }) {
            throw .unsupportedFiles(
                path: folder.appendingPathComponent(bpe).path,
                reason: "a BPE tokenizer (vocab.json + merges.txt, GPT-2/RoBERTa style), which attnview does not "
                    + "implement; it reads BERT's WordPiece: vocab.txt, or tokenizer.json with a WordPiece model")
        }
        if let piece = ["sentencepiece.bpe.model", "spiece.model", "tokenizer.model"].first(where: {
            exists(folder, $0)
        }) {
            throw .unsupportedFiles(
                path: folder.appendingPathComponent(piece).path,
                reason: "a SentencePiece tokenizer, which attnview does not implement; it reads BERT's WordPiece: "
                    + "vocab.txt, or tokenizer.json with a WordPiece model")
        }
    }

    /// The shell command that writes `target` (safetensors) from the PyTorch state dict at `source`.
    static func conversionCommand(_ source: String, _ target: String) -> String {
        "python3 -c \"import torch; from safetensors.torch import save_file; save_file({k: v.contiguous().clone() "
            + "for k, v in torch.load('\(source)', map_location='cpu').items()}, '\(target)', "
            + "metadata={'format': 'pt'})\""
    }

    private static func exists(_ folder: URL, _ name: String) -> Bool {
        exists(folder.appendingPathComponent(name).path)
    }

    /// Whether anything is at `path` (a symlink counts by its target, as in HuggingFace's cache).
    private static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}
