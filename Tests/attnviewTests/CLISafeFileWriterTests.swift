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
    #expect(throws: OutputError.unwritable(path: scratch.url.path, reason: "is a directory")) {
        try SafeFileWriter.write(Data("x".utf8), to: scratch.url.path, overwrite: true)
    }
    let missing = scratch.path("no/such/dir/out.txt")
    let error = #expect(throws: OutputError.self) { try SafeFileWriter.write(Data(), to: missing, overwrite: false) }
    #expect(error?.description.hasPrefix(missing + ": ") == true)
    #expect(error?.description.contains("no such file or directory") == true)
}
