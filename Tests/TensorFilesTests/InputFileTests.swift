import Foundation
import TestSupport
import Testing

@testable import TensorFiles

/// A FIFO hung every reader forever (open blocks until a writer comes); each is refused at once now.
@Test
func fifosAreRefusedAtOnceNamingWhatTheyAre() throws {
    let folder = try TemporaryFolder("input-fifo")
    defer { folder.remove() }
    let npy = try folder.fifo("q.npy"), safetensors = try folder.fifo("model.safetensors")
    let fifo = "a FIFO (named pipe)"
    #expect(throws: TensorFileError.notRegularFile(path: npy, kind: fifo)) { try NPYReader.read(path: npy) }
    #expect(throws: TensorFileError.notRegularFile(path: safetensors, kind: fifo)) {
        try SafetensorsFile(path: safetensors)
    }
    #expect(
        TensorFileError.notRegularFile(path: npy, kind: fifo).description
            == "\(npy): is a FIFO (named pipe), not a regular file")
    #expect(throws: TensorFileError.notRegularFile(path: folder.url.path, kind: "a directory")) {
        try NPYReader.read(path: folder.url.path)
    }
}

/// A file that is there but cannot be opened is "cannot read", never "no such file".
@Test func unreadableIsNotMissing() throws {
    let folder = try TemporaryFolder("input-loop")
    defer { folder.remove() }
    let loop = try folder.linkLoop("loop.npy")
    #expect(throws: TensorFileError.unreadable(path: loop, reason: String(cString: strerror(ELOOP)))) {
        try NPYReader.read(path: loop)
    }
    #expect(TensorFileError.unreadable(path: loop, reason: "x").isMissingFile)
    #expect(throws: TensorFileError.fileNotFound(path: folder.path("none"))) {
        try InputFile(path: folder.path("none")).size
    }
}

/// The size is checked before a byte is read: a sparse file far over the limit costs nothing.
@Test func readAllRefusesALargeFileBeforeReading() throws {
    let folder = try TemporaryFolder("input-large")
    defer { folder.remove() }
    let path = folder.path("config.json")
    #expect(FileManager.default.createFile(atPath: path, contents: Data("{}".utf8)))
    #expect(try InputFile(path: path).readAll(limit: 2) == Array("{}".utf8))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 1 << 40)  // sparse: a terabyte that takes no disk
    try handle.close()
    #expect(throws: TensorFileError.tooLarge(path: path, limit: 1 << 20)) {
        try InputFile(path: path).readAll(limit: 1 << 20)
    }
}

/// The model was mapped: truncating model.safetensors under a running view killed it with SIGBUS on
/// the next read of a weight. Its bytes are read once now, so the loaded tensors keep their values.
@Test func aLoadedFileSurvivesBeingTruncatedAndRewritten() throws {
    let folder = try TemporaryFolder("input-truncate")
    defer { folder.remove() }
    let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/safetensors")
    let path = folder.path("model.safetensors")
    try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("valid.safetensors").path, toPath: path)
    let file = try SafetensorsFile(path: path)
    let tensor = try file.floats(named: "a")
    #expect(tensor.isInPlace)
    #expect(file.identity == FileIdentity.current(path: path))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 0)
    try handle.close()
    #expect(tensor.values == [0, 1, 2, 3, 4, 5])
    #expect(try file.floats(named: "a").values == [0, 1, 2, 3, 4, 5])
    #expect(file.identity != FileIdentity.current(path: path))
}
