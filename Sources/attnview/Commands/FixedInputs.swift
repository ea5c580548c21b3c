import AttentionCore
import TensorFiles

/// What the core computes on when Q and K are not generated: read from `.npy` files, or sliced
/// from a model run. The command reads; the core only computes.
enum FixedInputs {
    /// A provider for the engine: `.files` are read when asked for, `.model` heads come from `run`.
    static func provider(model run: ModelRun?) -> InputsProvider {
        { source throws(AttentionError) in
            switch source {
            case let .files(q, k):
                return (try read(q), try read(k))
            case let .model(head):
                guard let run, let matrices = run.matrices(for: head) else {
                    throw .shapeMismatch("no model run holds layer \(head.layer), head \(head.head) of '\(head.text)'")
                }
                return matrices
            case .generated:
                throw .shapeMismatch("generated inputs are made by the engine, not read")
            }
        }
    }

    /// The matrix in the `.npy` file at `path`, its errors in the core's words (naming the file).
    static func read(_ path: String) throws(AttentionError) -> Matrix {
        do {
            return try NPYReader.read(path: path)
        } catch {
            switch error {
            case let .fileNotFound(path), let .unreadable(path, _): throw .fileNotFound(path: path)
            case let .badFile(path, reason): throw .badFile(path: path, reason: reason)
            // The .npy reader throws no tooLarge (it checks its own limits) and no tensor errors.
            case let .notRegularFile(path, _), let .tooLarge(path, _), let .badTensor(path, _, _),
                let .missingTensor(path, _):
                throw .badFile(path: path, reason: String(error.description.dropFirst(path.count + 2)))
            }
        }
    }
}
