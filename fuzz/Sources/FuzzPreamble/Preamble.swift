import Foundation

/// What every fuzz target shares: the input as bytes and, for readers that take a path, as a file in a
/// folder of this process's own. A target calls `fuzzInput` from its `LLVMFuzzerTestOneInput`; a broken
/// invariant is a `precondition`, which libFuzzer reports as a crash and saves the input.
public enum Fuzz {
    /// This process's scratch folder (libFuzzer may run several processes at once).
    static let folder: String = {
        let path = NSTemporaryDirectory() + "attnview-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// The input's bytes.
    public static func bytes(_ start: UnsafeRawPointer, _ count: Int) -> [UInt8] {
        [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    }

    /// The input written to `folder/name` (replacing the last input's), for readers that take a path.
    public static func file(_ start: UnsafeRawPointer, _ count: Int, name: String) -> String {
        let path = folder + "/" + name
        let written = FileManager.default.createFile(atPath: path, contents: Data(bytes: start, count: count))
        precondition(written, "cannot write the fuzz input to \(path)")
        return path
    }

    /// An error message must be one line naming the file, or the reader reported something it should not.
    public static func checkMessage(_ message: String, names path: String) {
        precondition(message.hasPrefix(path), "message does not name \(path): \(message)")
        precondition(!message.contains("\n"), "message spans lines: \(message)")
    }
}
