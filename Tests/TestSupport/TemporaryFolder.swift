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
    /// that does not refuse it would hang. A watchman thread plays that writer once a second (opening
    /// without blocking succeeds only while someone reads), so a regression fails its test instead of
    /// hanging the suite; it stops when the FIFO is removed.
    @discardableResult
    public func fifo(_ name: String) throws -> String {
        let path = path(name)
        try Self.makeFIFO(at: path)
        return path
    }

    /// A FIFO at `path` (in a folder the test made), with the watchman `fifo(_:)` describes.
    public static func makeFIFO(at path: String) throws {
        guard mkfifo(path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
        Thread.detachNewThread {
            var status = stat()
            while lstat(path, &status) == 0 {
                let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
                if descriptor >= 0 { close(descriptor) }
                sleep(1)
            }
        }
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
