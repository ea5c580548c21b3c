/// Bytes of a file read into memory once, 64-byte aligned, freed when the last reference goes.
///
/// Read, not mapped: a file truncated or rewritten while attnview runs cannot take the process down
/// (a shrunk mapping raises SIGBUS on the next read of a lost page); the copy stays as it was read.
/// Measured on MiniLM's 91 MB model.safetensors: docs/model.md#loading.
public final class FileBytes: @unchecked Sendable {
    /// The path the bytes were read from, for error messages.
    public let path: String
    /// The bytes; immutable after loading.
    public let bytes: UnsafeRawBufferPointer
    private let storage: UnsafeMutableRawPointer

    /// Reads the next `count` bytes of `file`; a file that ends sooner (it shrank since it was opened)
    /// is a `.badFile` saying so.
    public init(reading count: Int, from file: borrowing InputFile) throws(TensorFileError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 64)
        let got: Int
        do {
            got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]))
        } catch {
            buffer.deallocate()
            throw error
        }
        guard got == count else {
            buffer.deallocate()
            throw .badFile(path: file.path, reason: "ended after \(got) of \(count) bytes while being read")
        }
        path = file.path
        storage = buffer.baseAddress.unsafelyUnwrapped
        bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
    }

    deinit { storage.deallocate() }
}
