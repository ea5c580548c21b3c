import Foundation
import TensorFiles
import Testing

/// `attnview export` on the tiny model: what numpy would load, checked against the float64 numpy reference
/// Q and K of scripts/make_model_fixtures.py, and the output directory rule (never clobber).
@Suite struct CLIExportTests {
    static let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TransformerTests/Fixtures/models")

    struct Reference: Decodable {
        struct Text: Decodable {
            let text: String
            let tokens: [String]
            let q: [[[Double]]]
            let k: [[[Double]]]
        }
        let models: [String: [Text]]
        let layers: Int
        let heads: Int
        let hidden: Int
    }

    /// A `.npy` file's shape and float32 values, read by its header as numpy would.
    static func npy(_ path: String) throws -> (shape: [Int], values: [Float]) {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes[0..<8]) == [0x93] + Array("NUMPY".utf8) + [1, 0])
        let length = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect((10 + length) % 64 == 0, "data aligned to 64 bytes")
        let header = String(decoding: bytes[10..<(10 + length)], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': ("))
        let inside = try #require(header.split(separator: "(").last?.split(separator: ")").first)
        let shape = inside.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let data = bytes[(10 + length)...]
        #expect(data.count == shape.reduce(1, *) * 4)
        let values = stride(from: data.startIndex, to: data.endIndex, by: 4).map { start in
            Float(
                bitPattern: UInt32(data[start]) | UInt32(data[start + 1]) << 8 | UInt32(data[start + 2]) << 16
                    | UInt32(data[start + 3]) << 24)
        }
        return (shape, values)
    }

    @Test func npyHeaderIsNumpysOwn() {
        // np.lib.format.write_array(f, np.zeros((2, 3, 4, 5), np.float32), version=(1, 0)), numpy 2.4.
        let numpy = "\u{93}NUMPY\u{1}\u{0}v\u{0}{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 4, 5), }"
        let expected = Array(numpy.unicodeScalars.map { UInt8($0.value) }) + [UInt8](repeating: 32, count: 52) + [10]
        #expect(NPYWriter.header(shape: [2, 3, 4, 5]) == expected)
        #expect(NPYWriter.header(shape: [7]).count == 128)
        #expect(String(decoding: NPYWriter.header(shape: [7]), as: UTF8.self).contains("'shape': (7,), }"))
    }

    @Test func exportWritesEveryHeadAsNumpyWouldLoadIt() throws {
        let reference = try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: Self.models.appendingPathComponent("reference.json")))
        let text = try #require(reference.models["tiny-f32"]?[0])
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let output = scratch.path("out")
        let model = Self.models.appendingPathComponent("tiny-f32").path
        let outcome = try CLIRunner.run(["export", "--model", model, "--text", text.text, "--output", output])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let n = text.tokens.count, size = reference.hidden / reference.heads
        let (L, H) = (reference.layers, reference.heads)
        let queries = try Self.npy(output + "/queries.npy"), keys = try Self.npy(output + "/keys.npy")
        let weights = try Self.npy(output + "/weights.npy")
        #expect(queries.shape == [L, H, n, size] && keys.shape == [L, H, n, size])
        #expect(weights.shape == [L, H, n, n])
        var worstQK = 0.0, worstWeight = 0.0
        for layer in 0..<L {
            for head in 0..<H {
                func q(_ row: Int, _ column: Int) -> Double { text.q[layer][row][head * size + column] }
                func k(_ row: Int, _ column: Int) -> Double { text.k[layer][row][head * size + column] }
                let base = (layer * H + head) * n
                for row in 0..<n {
                    for column in 0..<size {
                        let index = (base + row) * size + column
                        worstQK = max(
                            worstQK, abs(Double(queries.values[index]) - q(row, column)) / (1 + abs(q(row, column))))
                        worstQK = max(
                            worstQK, abs(Double(keys.values[index]) - k(row, column)) / (1 + abs(k(row, column))))
                    }
                    // The float64 softmax of the reference's q·k / √d_head.
                    let logits = (0..<n).map { key in
                        (0..<size).reduce(0.0) { $0 + q(row, $1) * k(key, $1) } / Double(size).squareRoot()
                    }
                    let largest = logits.max() ?? 0
                    let exps = logits.map { Foundation.exp($0 - largest) }
                    let total = exps.reduce(0, +)
                    for key in 0..<n {
                        worstWeight = max(
                            worstWeight, abs(Double(weights.values[(base + row) * n + key]) - exps[key] / total))
                    }
                }
            }
        }
        // Float32 against float64 through two layers (see BertEncoderTests): 1e-4.
        #expect(worstQK < 1e-4)
        #expect(worstWeight < 1e-4)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/tokens.json")))
                as? [String: Any])
        #expect(document["tokens"] as? [String] == text.tokens)
        #expect(document["text"] as? String == text.text)
        #expect(
            document["layers"] as? Int == L && document["heads"] as? Int == H && document["head_size"] as? Int == size)
        let command = try String(contentsOfFile: output + "/command.txt", encoding: .utf8)
        #expect(command == "attnview export --model \(model) --text '\(text.text)' --scale sqrt --output \(output)\n")
        #expect(document["command"] as? String == String(command.dropLast()))
    }

    @Test func exportNeverClobbers() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let model = Self.models.appendingPathComponent("tiny-f32").path
        func export(_ output: String, _ extra: [String] = []) throws -> CLIRunner.Outcome {
            try CLIRunner.run(["export", "--model", model, "--text", "the cat", "--output", output] + extra)
        }
        let file = scratch.path("notes.txt")
        try Data("mine".utf8).write(to: URL(fileURLWithPath: file))
        var outcome = try export(file)
        #expect(outcome.status == 73 && outcome.stderr.contains("exists and is not a directory"), "\(outcome.stderr)")
        outcome = try export(file, ["--force"])
        #expect(outcome.status == 73)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "mine")

        let mixed = scratch.path("mixed")
        try FileManager.default.createDirectory(atPath: mixed, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: mixed + "/keep.txt"))
        outcome = try export(mixed)
        #expect(
            outcome.status == 73 && outcome.stderr.contains("is not empty (it holds 'keep.txt')"), "\(outcome.stderr)")
        outcome = try export(mixed, ["--force"])
        #expect(outcome.status == 73 && outcome.stderr.contains("nothing was replaced"), "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mixed) == ["keep.txt"])

        let fresh = scratch.path("fresh")
        #expect(try export(fresh).status == 0)
        #expect(try export(fresh).status == 73)
        #expect(try export(fresh, ["--force"]).status == 0)
        try FileManager.default.createDirectory(atPath: fresh + "/sub", withIntermediateDirectories: false)
        outcome = try export(fresh, ["--force"])
        #expect(outcome.status == 73 && outcome.stderr.contains("holds 'sub'"), "\(outcome.stderr)")

        try FileManager.default.createSymbolicLink(atPath: scratch.path("link"), withDestinationPath: mixed)
        outcome = try export(scratch.path("link"), ["--force"])
        #expect(outcome.status == 73 && outcome.stderr.contains("symbolic link"), "\(outcome.stderr)")
        outcome = try export(scratch.path("no/such/dir"))
        #expect(outcome.status == 73 && outcome.stderr.contains("cannot create"), "\(outcome.stderr)")
    }

    /// The folder's name is the user's: its escape codes are spelled out in the report, not sent raw.
    @Test func exportReportsItsFolderEscaped() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let model = Self.models.appendingPathComponent("tiny-f32").path
        let output = scratch.path("out\u{1B}[2J")
        let outcome = try CLIRunner.run(["export", "--model", model, "--text", "the cat", "--output", output])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdoutText.hasSuffix(#"out\x1b[2J"# + "\n"), "\(outcome.stdoutText)")
        #expect(!outcome.stdoutText.contains("\u{1B}"))
    }
}
