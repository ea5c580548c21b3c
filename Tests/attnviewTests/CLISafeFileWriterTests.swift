import Foundation
import Testing

@testable import attnview

@Test func safeWriterCreatesTheFileWithNothingLeftBeside() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try SafeFileWriter.write(Data("hello\n".utf8), to: scratch.path("out.txt"), overwrite: false)
    #expect(try String(contentsOfFile: scratch.path("out.txt"), encoding: .utf8) == "hello\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["out.txt"])
}

@Test func safeWriterNeverOverwritesWithoutPermission() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = scratch.path("keep.txt")
    try Data("original".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: OutputError.exists(path: path)) {
        try SafeFileWriter.write(Data("new".utf8), to: path, overwrite: false)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "original")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["keep.txt"])
}

@Test func safeWriterReplacesWhenAllowed() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = scratch.path("replace.txt")
    try Data("original, longer than the new text".utf8).write(to: URL(fileURLWithPath: path))
    try SafeFileWriter.write(Data("new".utf8), to: path, overwrite: true)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["replace.txt"])
}

@Test func safeWriterGivesNewFilesTheUsualPermissions() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = scratch.path("mode.txt")
    try SafeFileWriter.write(Data("x".utf8), to: path, overwrite: false)
    let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    // The umask read from /proc rather than set and reset, which would race with parallel tests.
    let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
    let mask = try #require(Int(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8))
    #expect(mode == 0o666 & ~mask)
}

@Test func safeWriterErrorsNameTheFile() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    #expect(throws: OutputError.notRegularFile(path: scratch.url.path, kind: "a directory")) {
        try SafeFileWriter.write(Data("x".utf8), to: scratch.url.path, overwrite: true)
    }
    let missing = scratch.path("no/such/dir/out.txt")
    let error = #expect(throws: OutputError.self) { try SafeFileWriter.write(Data(), to: missing, overwrite: false) }
    #expect(error?.description.hasPrefix(missing + ": ") == true)
    #expect(error?.description.contains("no such file or directory") == true)
}

/// `--force` replaces only a regular file (issue 17, point 1): a FIFO, a symlink, a device node or
/// a directory is refused with what it is, and left exactly as it was.
@Test func safeWriterReplacesNothingButARegularFile() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let fifo = scratch.path("fifo"), link = scratch.path("link"), target = scratch.path("target.txt")
    #expect(mkfifo(fifo, 0o600) == 0)
    try Data("target".utf8).write(to: URL(fileURLWithPath: target))
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    var cases = [
        (fifo, "a FIFO", S_IFIFO), (link, "a symbolic link", S_IFLNK), (scratch.url.path, "a directory", S_IFDIR),
    ]
    // A copy of /dev/null's node (char 1,3; Linux numbering) made here, never the real one; only root may make it.
    let device = scratch.path("null")
    if mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 { cases.append((device, "a character device", S_IFCHR)) }
    for (path, kind, type) in cases {
        for overwrite in [true, false] {
            #expect(throws: OutputError.notRegularFile(path: path, kind: kind)) {
                try SafeFileWriter.write(Data("new".utf8), to: path, overwrite: overwrite)
            }
            var status = stat()
            #expect(lstat(path, &status) == 0 && status.st_mode & S_IFMT == type, "\(kind) is left as it was")
        }
    }
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "target", "nothing written through the link")
    let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".") }
    #expect(left.isEmpty, "no temporary file left behind: \(left)")
}

/// A replaced file keeps its permission bits (0600 stays 0600), and its owner where the caller is
/// root; the replacement is a new inode renamed into place, never a write into the old one.
@Test func safeWriterKeepsTheReplacedFilesModeAndOwner() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = scratch.path("private.json")
    try Data("secret, longer than the new text".utf8).write(to: URL(fileURLWithPath: path))
    #expect(chmod(path, 0o600) == 0)
    let owner: uid_t = geteuid() == 0 ? 65534 : geteuid()
    if geteuid() == 0 { #expect(chown(path, owner, owner) == 0) }
    var before = stat()
    #expect(lstat(path, &before) == 0)
    try SafeFileWriter.write(Data("new".utf8), to: path, overwrite: true)
    var after = stat()
    #expect(lstat(path, &after) == 0)
    #expect(after.st_mode & 0o7777 == 0o600)
    #expect(after.st_uid == owner && after.st_gid == before.st_gid)
    #expect(after.st_ino != before.st_ino, "a new file renamed into place")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
}
