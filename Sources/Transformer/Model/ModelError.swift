import TensorFiles

/// A parameter of a model run, as `ModelError` names it: the executable spells it as a flag
/// (`--text`), the interactive view in its own words, each with one mapping of its own.
public enum ModelParameter: String, Sendable, CaseIterable {
    case text, layer, head
}

/// Everything that can go wrong loading a model or running it on a text, each case naming the
/// folder, file, key, tensor or parameter at fault.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--model PATH` that is not a directory.
    case folderNotFound(path: String)
    /// `--model NAME` with nothing installed under that name; `folder` is where it was looked for.
    case notInstalled(name: String, folder: String)
    /// A file the model folder must hold (`config.json`, `model.safetensors`, `vocab.txt`).
    case fileNotFound(path: String)
    /// A file of the model folder that exists but cannot be opened or read; `reason` is the system's word.
    case unreadable(path: String, reason: String)
    /// `config.json` (or the weights' index) that cannot be used; `reason` names the key.
    case badConfig(path: String, reason: String)
    /// A model file attnview recognises but does not read (PyTorch pickles, a BPE tokenizer); `reason`
    /// says what it is and what to do.
    case unsupportedFiles(path: String, reason: String)
    /// `model.safetensors` that cannot be used, or a tensor missing or of the wrong shape.
    case weights(TensorFileError)
    /// `vocab.txt` or `tokenizer_config.json` that cannot be used.
    case tokenizer(TokenizerError)
    /// A text with nothing to tokenize.
    case emptyText
    /// A text with more tokens than the model has positions.
    case textTooLong(tokens: Int, limit: Int)
    /// A text with more tokens than the caller can show (attnview's token limit).
    case tooManyTokens(tokens: Int, limit: Int)
    /// A text whose encoder run would need more memory than `BertEncoder.memoryBudget` with this model.
    case overMemoryBudget(tokens: Int, bytes: Int, budget: Int)
    /// A layer or head outside the model.
    case outOfRange(ModelParameter, value: Int, count: Int)

    /// One line naming what is at fault, a parameter by its own name.
    public var description: String { description(naming: \.rawValue) }

    /// One line naming what is at fault, a parameter as `name` spells it (a flag, the view's words).
    public func description(naming name: (ModelParameter) -> String) -> String {
        switch self {
        case let .folderNotFound(path): "\(path): no such model folder"
        case let .notInstalled(name, folder):
            "no model '\(name)' in \(folder)"
                + (name == ModelFolder.referenceName
                    ? "; run `make model` to install it" : "; give --model a folder path (e.g. ./\(name))")
        case let .fileNotFound(path):
            "\(path): no such file (a model folder needs config.json, model.safetensors or its index and shards, "
                + "and vocab.txt or tokenizer.json)"
        case let .unreadable(path, reason): "\(path): cannot read (\(reason))"
        case let .badConfig(path, reason), let .unsupportedFiles(path, reason): "\(path): \(reason)"
        case let .weights(error): error.description
        case let .tokenizer(error): error.description
        case .emptyText: "\(name(.text)) has no words the model reads: give it some words"
        case let .textTooLong(tokens, limit):
            "\(name(.text)) gives \(tokens) tokens, over the model's \(limit) positions"
        case let .tooManyTokens(tokens, limit):
            "\(name(.text)) gives \(tokens) tokens, more than attnview's limit of \(limit) "
                + "(the queries and keys it shows)"
        case let .overMemoryBudget(tokens, bytes, budget):
            "\(name(.text)) gives \(tokens) tokens; this model's encoder would need \(bytes >> 20) MiB for them, "
                + "over attnview's memory budget of \(budget >> 20) MiB"
        case let .outOfRange(parameter, value, count):
            "\(name(parameter)) \(value) is out of range (allowed: 0–\(count - 1), 0-based; the model has \(count))"
        }
    }

    /// A weights file's error in the folder's words: missing and unreadable files like the other files
    /// of a model folder, anything else as what is wrong with the weights.
    static func weightsFile(_ error: TensorFileError) -> ModelError {
        switch error {
        case let .fileNotFound(path): .fileNotFound(path: path)
        case let .unreadable(path, reason): .unreadable(path: path, reason: reason)
        default: .weights(error)
        }
    }

    /// What kind of failure this is, for the executable's exit status.
    public var kind: Kind {
        switch self {
        case .folderNotFound, .notInstalled, .fileNotFound, .unreadable: .missing
        case .badConfig, .unsupportedFiles, .overMemoryBudget: .badData
        case let .weights(error): error.isMissingFile ? .missing : .badData
        case let .tokenizer(error):
            switch error {
            case .fileNotFound, .unreadable: .missing
            default: .badData
            }
        case .emptyText, .textTooLong, .tooManyTokens, .outOfRange: .usage
        }
    }

    /// The three ways a model can fail: not there, there but unusable, asked for something it cannot do.
    public enum Kind: Sendable {
        case missing, badData, usage
    }
}
