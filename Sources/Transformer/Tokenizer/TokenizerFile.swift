import Foundation

/// Reads a whole tokenizer file, refusing one larger than a limit before reading more than the limit.
enum TokenizerFile {
    /// The file's bytes; `nil` when it does not exist (optional files are allowed to be absent).
    static func read(_ url: URL, limit: Int) throws(TokenizerError) -> [UInt8]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        guard !isDirectory.boolValue else { throw .unreadable(path: url.path, reason: "a directory") }
        let data: Data?
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: limit + 1)
        } catch {
            throw .unreadable(path: url.path, reason: reason(of: error))
        }
        let bytes = [UInt8](data ?? Data())
        guard bytes.count <= limit else { throw .fileTooLarge(path: url.path, limit: limit) }
        return bytes
    }

    private static func reason(of error: any Error) -> String {
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(posix.code)))
        }
        return (error as NSError).localizedDescription
    }
}
