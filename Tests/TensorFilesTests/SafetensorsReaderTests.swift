import Foundation
import TestSupport
import Testing

@testable import TensorFiles

/// The files written by scripts/make_model_fixtures.py and what they must read as.
private struct SafetensorsManifest: Decodable {
    struct Valid: Decodable {
        let file: String
        let a: [Double]
        let shape: [Int]
    }

    let valid: Valid
    let bf16: [Double]
    let errors: [String: String]

    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/safetensors")
    static let shared: SafetensorsManifest = try! JSONDecoder().decode(
        SafetensorsManifest.self, from: Data(contentsOf: directory.appendingPathComponent("manifest.json")))

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

@Test func readsFloat32InPlaceAndSkipsIntegerTensors() throws {
    let manifest = SafetensorsManifest.shared
    let file = try SafetensorsFile(path: SafetensorsManifest.path(manifest.valid.file))
    let tensor = try file.floats(named: "a")
    #expect(tensor.shape == manifest.valid.shape)
    #expect(tensor.values == manifest.valid.a.map { Float($0) })
    #expect(tensor.isInPlace)
    #expect(file.header.entries["ids"]?.dtype == .i64)
    #expect(throws: TensorFileError.self) { try file.floats(named: "ids") }
    #expect(throws: TensorFileError.missingTensor(path: file.path, tensor: "b")) { try file.floats(named: "b") }
}

@Test func decodesBFloat16AndCopiesUnalignedFloat32() throws {
    let file = try SafetensorsFile(path: SafetensorsManifest.path("valid_bf16_unaligned.safetensors"))
    #expect(try file.floats(named: "b").values == SafetensorsManifest.shared.bf16.map { Float($0) })
    let odd = try file.floats(named: "odd")
    #expect(odd.values == [7.25])
    #expect(!odd.isInPlace)
}

@Test(arguments: SafetensorsManifest.shared.errors.keys.sorted())
func refusesBrokenFilesNamingFileTensorAndReason(name: String) throws {
    let fragment = try #require(SafetensorsManifest.shared.errors[name])
    let path = SafetensorsManifest.path(name)
    do {
        let file = try SafetensorsFile(path: path)
        for tensor in file.header.entries.keys.sorted() where file.header.entries[tensor]?.dtype.isDecodable == true {
            _ = try file.floats(named: tensor)
        }
        Issue.record("\(name) was read instead of failing")
    } catch {
        #expect(error.description.hasPrefix(path + ": "), "\(error)")
        #expect(error.description.contains(fragment), "\(error)")
        #expect(!error.description.contains("\n"))
        if case .badTensor(_, let tensor, _) = error { #expect(["a", "b", "ids"].contains(tensor)) }
    }
}

@Test func missingFilesAndDirectoriesAreNamed() {
    #expect(throws: TensorFileError.fileNotFound(path: "/nonexistent/model.safetensors")) {
        try SafetensorsFile(path: "/nonexistent/model.safetensors")
    }
    #expect(throws: TensorFileError.notRegularFile(path: "/", kind: "a directory")) {
        try SafetensorsFile(path: "/")
    }
}

/// Fuzz-style: thousands of mutations of a valid file (bytes flipped, header cut, lengths and
/// offsets changed) must each be read or refused with an error, never trap.
@Test func mutatedFilesAreReadOrRefusedNeverTrap() throws {
    let original = try [UInt8](
        Data(contentsOf: SafetensorsManifest.directory.appendingPathComponent("valid.safetensors")))
    var generator = SplitMix64(state: 8)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("safetensors-fuzz-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("m.safetensors").path
    var refused = 0
    for round in 0..<2000 {
        var bytes = original
        switch round % 4 {
        case 0:
            for _ in 0...(generator.next() % 4) {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
        case 1: bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count))))
        case 2: bytes[Int(generator.next() % 8)] = UInt8(truncatingIfNeeded: generator.next())
        default:
            // A digit of the JSON header changed: offsets and shapes that disagree with the data.
            let digits = bytes.indices.filter { $0 >= 8 && $0 < 100 && (48...57).contains(bytes[$0]) }
            if let index = digits.randomElement(using: &generator) { bytes[index] = 48 + UInt8(generator.next() % 10) }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            let file = try SafetensorsFile(path: path)
            for (name, entry) in file.header.entries where entry.dtype.isDecodable {
                let tensor = try file.floats(named: name)
                #expect(tensor.values.allSatisfy { $0.isFinite })
                #expect(tensor.count == entry.offsets.count / entry.dtype.byteCount)
            }
        } catch {
            refused += 1
        }
    }
    #expect(refused > 100)
}

/// A tensor name or dtype from the file's header reaches the error message with its control
/// characters escaped: they are the file's words, not attnview's.
@Test func headerStringsInErrorsAreEscaped() throws {
    let header = #"{"a\u001b[2J":{"dtype":"F\n32","shape":[1],"data_offsets":[0,4]}}"#
    var bytes = withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { [UInt8]($0) }
    bytes += Array(header.utf8) + [0, 0, 0, 0]
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("attnview-st-\(getpid()).safetensors")
    try Data(bytes).write(to: path)
    defer { try? FileManager.default.removeItem(at: path) }
    do {
        _ = try SafetensorsFile(path: path.path)
        Issue.record("accepted a header whose dtype is F\\n32")
    } catch {
        #expect(error.description.hasSuffix(#"tensor 'a\x1b[2J': unsupported dtype 'F\x0a32'"#), "\(error)")
    }
    let missing = TensorFileError.missingTensor(path: "m.safetensors", tensor: "x\u{07}")
    #expect(missing.description == #"m.safetensors: no tensor named 'x\x07'"#)
}
