import Foundation
import TestSupport
import Testing

@testable import TensorFiles

/// The fixtures written by scripts/make_npy_fixtures.py and what numpy says they hold.
private struct NPYManifest: Decodable {
    struct Expected: Decodable {
        let rows: Int
        let cols: Int
        let values: [Double]
    }

    let valid: [String: Expected]
    let errors: [String: String]

    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/npy")
    static let shared: NPYManifest = try! JSONDecoder().decode(
        NPYManifest.self, from: Data(contentsOf: directory.appendingPathComponent("manifest.json")))

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

@Test(arguments: NPYManifest.shared.valid.keys.sorted())
func readsEverySupportedVariantAsNumpyDoes(name: String) throws {
    let expected = try #require(NPYManifest.shared.valid[name])
    let matrix = try NPYReader.read(path: NPYManifest.path(name))
    #expect(matrix.rows == expected.rows)
    #expect(matrix.cols == expected.cols)
    // numpy's float32 values travel through JSON as exact doubles, so equality is exact.
    #expect(matrix.values == expected.values.map { Float($0) })
}

@Test(arguments: NPYManifest.shared.errors.keys.sorted())
func refusesBrokenFilesNamingFileAndReason(name: String) throws {
    let fragment = try #require(NPYManifest.shared.errors[name])
    let path = NPYManifest.path(name)
    do {
        let matrix = try NPYReader.read(path: path)
        Issue.record("\(name) read as \(matrix.rows)×\(matrix.cols) instead of failing")
    } catch {
        guard case let .badFile(reportedPath, reason) = error else {
            Issue.record("\(name): expected badFile, got \(error)")
            return
        }
        #expect(reportedPath == path)
        #expect(reason.contains(fragment), "\(name): '\(reason)' lacks '\(fragment)'")
        #expect(error.description.hasPrefix(path))
    }
}

@Test func missingFileIsNotFound() {
    #expect(throws: TensorFileError.fileNotFound(path: "/nonexistent/q.npy")) {
        try NPYReader.read(path: "/nonexistent/q.npy")
    }
}

@Test func directoryIsRefused() throws {
    let error = #expect(throws: TensorFileError.self) { try NPYReader.read(path: NPYManifest.directory.path) }
    #expect(error?.description.contains("is a directory") == true)
}

@Test func sizeIsCheckedAgainstTheLimitFromTheHeader() throws {
    let path = NPYManifest.path("valid_f4_le_C.npy")
    #expect(try NPYReader.read(path: path, maxElements: 15).values.count == 15)
    let error = #expect(throws: TensorFileError.self) { try NPYReader.read(path: path, maxElements: 14) }
    #expect(error?.description.contains("too large (at most 14 elements)") == true)
}

@Test func halfPrecisionDecodesEveryClassOfValue() {
    #expect(NPYHalf.float(fromBits: 0x3C00) == 1)
    #expect(NPYHalf.float(fromBits: 0xC000) == -2)
    #expect(NPYHalf.float(fromBits: 0x7BFF) == 65504)
    #expect(NPYHalf.float(fromBits: 0x0001) == 0x1p-24)
    #expect(NPYHalf.float(fromBits: 0x03FF) == 1023 * 0x1p-24)
    #expect(NPYHalf.float(fromBits: 0x8000) == 0 && NPYHalf.float(fromBits: 0x8000).sign == .minus)
    #expect(NPYHalf.float(fromBits: 0x7C00) == .infinity)
    #expect(NPYHalf.float(fromBits: 0xFC00) == -.infinity)
    #expect(NPYHalf.float(fromBits: 0x7E00).isNaN)
}

@Test func headerParserReadsWhatNumpyWrites() throws {
    let text = Array("{'descr': '>f8', 'fortran_order': True, 'shape': (3, 5), }     \n".utf8)
    let header = try NPYHeader(literal: NPYHeaderParser.parse(text), maxElements: 100)
    #expect(header.elementType == NPYElementType(descr: ">f8"))
    #expect(header.elementType.bigEndian && header.elementType.width == .double)
    #expect(header.fortranOrder)
    #expect(header.rows == 3 && header.columns == 5)
}

@Test func arbitraryBytesNeverTrap() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("npy-fuzz-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("case.npy").path
    var random = SplitMix64(state: 2024)
    let seeds = try ["valid_f2_be_F.npy", "valid_f8_be_F_v3.npy", "valid_f4_le_C.npy"].map {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: NPYManifest.path($0))))
    }
    let tokens = Array("{}()[],:'\" 0123456789-LTrueFalseNone<>=|f248descrfortran_ordershape\n\\".utf8)
    var cases: [[UInt8]] = []
    for seed in seeds {
        cases += (0...seed.count).map { Array(seed.prefix($0)) }
        for _ in 0..<300 {
            var mutated = seed
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 0..<min(mutated.count, 140), using: &random)
                mutated[index] =
                    Bool.random(using: &random)
                    ? UInt8.random(in: 0...255, using: &random)
                    : tokens.randomElement(using: &random)!
            }
            cases.append(mutated)
        }
    }
    for _ in 0..<300 {
        let header = (0..<Int.random(in: 0...90, using: &random)).map { _ in tokens.randomElement(using: &random)! }
        cases.append([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count), 0] + header)
        cases.append([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count), 0] + header + [0, 0, 128, 63])
        cases.append(
            (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
    }
    var accepted = 0
    for bytes in cases {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            let matrix = try NPYReader.read(path: path, maxElements: 4096)
            #expect(matrix.values.allSatisfy { $0.isFinite })
            accepted += 1
        } catch {
            guard case .badFile = error else {
                Issue.record("unexpected error \(error)")
                continue
            }
        }
    }
    #expect(accepted >= seeds.count)
}
