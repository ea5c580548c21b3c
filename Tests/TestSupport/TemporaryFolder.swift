import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh folder under the system's temporary directory for the hostile files a test makes (FIFOs,
/// links that loop), so no test ever touches a real device or another test's files.
public struct TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL

    /// Creates `…/attnview-NAME-PID-RANDOM`.
    public init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "attnview-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A FIFO (named pipe) called `name`: opening it to read blocks until a writer comes, so a reader
    /// that does not refuse it hangs.
    @discardableResult
    public func fifo(_ name: String) throws -> String {
        let path = path(name)
        guard mkfifo(path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
        return path
    }

    /// A symbolic link called `name` that points at itself: it is there, but opening it fails (ELOOP),
    /// even for root, so it stands for any file that exists and cannot be read.
    @discardableResult
    public func linkLoop(_ name: String) throws -> String {
        let path = path(name)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: name)
        return path
    }

    /// Deletes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
