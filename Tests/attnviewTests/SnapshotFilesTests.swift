import Foundation
import Testing

@testable import attnview

@Suite struct SnapshotFilesTests {
    /// A fresh empty folder, removed by the caller.
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("attnview-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func contents(_ url: URL, _ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func writesTheTextUnderTheStem() throws {
        let url = try folder()
        defer { try? FileManager.default.removeItem(at: url) }
        let paths = try SnapshotFiles(directory: url.path).write(stem: "snap", text: "picture\n", json: nil)
        #expect(paths == [url.appendingPathComponent("snap.txt").path])
        #expect(try contents(url, "snap.txt") == "picture\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.path) == ["snap.txt"])
    }

    @Test func writesTheJSONBesideTheText() throws {
        let url = try folder()
        defer { try? FileManager.default.removeItem(at: url) }
        let paths = try SnapshotFiles(directory: url.path).write(stem: "snap", text: "t", json: { $0.write("{}") })
        #expect(paths.map { URL(fileURLWithPath: $0).lastPathComponent } == ["snap.txt", "snap.json"])
        #expect(try contents(url, "snap.json") == "{}")
    }

    @Test func aTakenNameGetsTheNextNumberAndIsNeverOverwritten() throws {
        let url = try folder()
        defer { try? FileManager.default.removeItem(at: url) }
        let files = SnapshotFiles(directory: url.path)
        _ = try files.write(stem: "snap", text: "first", json: nil)
        let second = try files.write(stem: "snap", text: "second", json: nil)
        #expect(second == [url.appendingPathComponent("snap-2.txt").path])
        #expect(try contents(url, "snap.txt") == "first")
        #expect(try contents(url, "snap-2.txt") == "second")
    }

    @Test func aTakenJSONNameCountsOnlyWhenJSONIsWritten() throws {
        let url = try folder()
        defer { try? FileManager.default.removeItem(at: url) }
        try "old".write(to: url.appendingPathComponent("snap.json"), atomically: true, encoding: .utf8)
        let files = SnapshotFiles(directory: url.path)
        let both = try files.write(stem: "snap", text: "t", json: { $0.write("{}") })
        #expect(both.map { URL(fileURLWithPath: $0).lastPathComponent } == ["snap-2.txt", "snap-2.json"])
        let text = try files.write(stem: "snap", text: "t", json: nil)
        #expect(text.map { URL(fileURLWithPath: $0).lastPathComponent } == ["snap.txt"])
        #expect(try contents(url, "snap.json") == "old")
    }

    @Test func whenEveryNameIsTakenItSaysSo() throws {
        let url = try folder()
        defer { try? FileManager.default.removeItem(at: url) }
        let files = SnapshotFiles(directory: url.path, attempts: 2)
        _ = try files.write(stem: "snap", text: "1", json: nil)
        _ = try files.write(stem: "snap", text: "2", json: nil)
        #expect(throws: SnapshotFilesError.noFreeName(stem: "snap", directory: url.path)) {
            try files.write(stem: "snap", text: "3", json: nil)
        }
    }

    @Test func aMissingFolderIsReportedNotCreated() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent(
            "attnview-none-\(UUID().uuidString)")
        #expect(throws: SnapshotFilesError.self) {
            try SnapshotFiles(directory: missing.path).write(stem: "snap", text: "t", json: nil)
        }
        #expect(!FileManager.default.fileExists(atPath: missing.path))
        let error = SnapshotFilesError.unwritable(path: "/d/s.txt", reason: "permission denied")
        #expect(error.description == "s.txt: permission denied")
        #expect(
            SnapshotFilesError.noFreeName(stem: "s", directory: "/d").description == "no free name for s in /d")
    }

    /// `S` whose JSON fails after the picture was written says which file failed and that the
    /// picture is there (issue 17, point 9), instead of "not saved" for both.
    @Test func aJSONThatFailsAfterThePictureNamesTheFileThatFailed() throws {
        let url = try folder()
        defer { try? FileManager.default.removeItem(at: url) }
        let failing: (inout ByteSink) -> Void = { sink in
            close(sink.descriptor)  // every write now fails, as on a full disk
            sink.write("{}")
        }
        let error = #expect(throws: SnapshotFilesError.self) {
            try SnapshotFiles(directory: url.path).write(stem: "snap", text: "t", json: failing)
        }
        #expect(error?.description == "snap.json: bad file descriptor (snap.txt was saved in \(url.path))")
        #expect(try contents(url, "snap.txt") == "t")
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.path) == ["snap.txt"])
    }

    /// A name held by a FIFO or a symlink is never written through or replaced: the next name is used.
    @Test func aNameHeldByAFIFOOrASymlinkIsLeftAlone() throws {
        let url = try folder()
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(mkfifo(url.appendingPathComponent("snap.txt").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: url.appendingPathComponent("snap-2.txt").path, withDestinationPath: "nowhere")
        let paths = try SnapshotFiles(directory: url.path).write(stem: "snap", text: "t", json: nil)
        #expect(paths == [url.appendingPathComponent("snap-3.txt").path])
        var status = stat()
        #expect(lstat(url.appendingPathComponent("snap.txt").path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(
            lstat(url.appendingPathComponent("snap-2.txt").path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)
    }
}
