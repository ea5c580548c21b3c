import Foundation
import TensorFiles
import Testing

/// The tiny BERT folders of scripts/make_model_fixtures.py, read by path as a user would give them.
private let tinyModels = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("TransformerTests/Fixtures/models")

private func tiny(_ name: String = "tiny-f32") -> String { tinyModels.appendingPathComponent(name).path }

/// The reference Q and K of the tiny models' texts (float64 numpy).
private struct Reference: Decodable {
    struct Text: Decodable {
        let text: String
        let tokens: [String]
        let q: [[[Double]]]
        let k: [[[Double]]]
    }

    let models: [String: [Text]]
    let heads: Int
    let hidden: Int

    static func load() throws -> Reference {
        try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: tinyModels.appendingPathComponent("reference.json")))
    }
}

private func json(_ arguments: [String]) throws -> [String: Any] {
    let outcome = try CLIRunner.run(arguments)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
}

/// The words of a POSIX command line as `SnapshotCommandLine` quotes them (plain or single-quoted).
private func shellWords(_ line: String) -> [String] {
    var words: [String] = [], current = "", quoted = false, inWord = false, escaped = false
    for character in line {
        if escaped {
            current.append(character)
            escaped = false
        } else if quoted {
            if character == "'" { quoted = false } else { current.append(character) }
        } else if character == "'" {
            quoted = true
            inWord = true
        } else if character == "\\" {
            escaped = true
            inWord = true
        } else if character == " " {
            if inWord { words.append(current) }
            current = ""
            inWord = false
        } else {
            current.append(character)
            inWord = true
        }
    }
    if inWord { words.append(current) }
    return words
}

@Test func snapshotJSONOfAModelHeadHasTokensLabelsAndTheHeadsLogits() throws {
    let reference = try Reference.load()
    let text = try #require(reference.models["tiny-f32"]?[2])
    let document = try json([
        "snapshot", "--format", "json", "--model", tiny(), "--text", text.text, "--layer", "1", "--head", "1",
    ])
    #expect(document["tokens"] as? [String] == text.tokens)
    let params = try #require(document["params"] as? [String: Any])
    #expect(params["source"] as? String == "model")
    #expect(params["model"] as? String == tiny())
    #expect(params["text"] as? String == text.text)
    #expect(params["layer"] as? Int == 1 && params["head"] as? Int == 1)
    #expect(params["layers"] as? Int == 2 && params["heads"] as? Int == 2)
    #expect(params["n"] as? Int == text.tokens.count && params["dk"] as? Int == 4)
    #expect((document["stats"] as? [String: Any])?["logit_std_expected"] is NSNull)
    // Logits are the head's q·k / √d_head, from the float64 reference Q and K.
    let logits = try #require(document["logits"] as? [[Double]])
    let columns = 4..<8
    for i in text.tokens.indices {
        for j in text.tokens.indices {
            let dot = columns.reduce(0.0) { $0 + text.q[1][i][$1] * text.k[1][j][$1] }
            #expect(abs(logits[i][j] - dot / 2) < 1e-4 * (1 + abs(dot)), "logit \(i), \(j)")
        }
    }
}

@Test func smallerDkUsesTheFirstDimensionsAndCausalMasks() throws {
    let reference = try Reference.load()
    let text = try #require(reference.models["tiny-f32"]?[0])
    let document = try json([
        "snapshot", "--format", "json", "--model", tiny(), "--text", text.text, "--dk", "2", "--causal",
        "--scale", "none",
    ])
    let logits = try #require(document["logits"] as? [Any])
    let first = try #require(logits.first as? [Any])
    #expect(first.dropFirst().allSatisfy { $0 is NSNull })
    let last = try #require(logits.last as? [Double])
    let n = text.tokens.count
    let dot = (0..<2).reduce(0.0) { $0 + text.q[0][n - 1][$1] * text.k[0][0][$1] }
    #expect(abs(last[0] - dot) < 1e-4 * (1 + abs(dot)))
}

@Test func modelSnapshotHeaderReproducesTheSnapshot() throws {
    let first = try CLIRunner.run([
        "snapshot", "--model", tiny("tiny-f16-bert"), "--text", "Dogs don't play, it's \"tired\"", "--layer", "1",
        "--scale", "none", "--width", "90", "--height", "30",
    ])
    #expect(first.status == 0, "\(first.stderr)")
    let header = try #require(first.stdoutText.split(separator: "\n").first)
    #expect(header.contains("--model") && header.contains("--layer 1 --head 0 --dk 4"))
    #expect(first.stdoutText.contains("source=model \(tiny("tiny-f16-bert")) layer=1/2 head=0/2"))
    let arguments = Array(shellWords(String(header.dropFirst(2))).dropFirst())
    #expect(arguments.contains("Dogs don't play, it's \"tired\""))
    #expect(try CLIRunner.run(arguments).stdout == first.stdout)
}

@Test func aTextStartingWithADashIsReproducedToo() throws {
    let first = try CLIRunner.run([
        "snapshot", "--model", tiny(), "--text=-the cat-", "--width", "80", "--height", "24",
    ])
    #expect(first.status == 0, "\(first.stderr)")
    let header = try #require(first.stdoutText.split(separator: "\n").first)
    #expect(header.contains("'--text=-the cat-'"))
    let arguments = Array(shellWords(String(header.dropFirst(2))).dropFirst())
    #expect(try CLIRunner.run(arguments).stdout == first.stdout)
}

@Test func headsHasOneRowPerLayerAndHeadInEveryFormat() throws {
    let document = try json(["heads", "--model", tiny(), "--text", "The cat sat on the mat.", "--format", "json"])
    let rows = try #require(document["rows"] as? [[String: Any]])
    #expect(rows.map { [$0["layer"] as? Int, $0["head"] as? Int] } == [[0, 0], [0, 1], [1, 0], [1, 1]])
    #expect(rows.allSatisfy { $0["dk"] as? Int == 4 && $0["divisor"] as? Double == 2 })
    #expect((document["tokens"] as? [String])?.count == 9)
    let base = try #require(document["base"] as? [String: Any])
    #expect(base["layers"] as? Int == 2 && base["heads"] as? Int == 2 && base["n"] as? Int == 9)
    // Each row's statistics equal the snapshot of that head.
    let snapshot = try json([
        "snapshot", "--format", "json", "--model", tiny(), "--text", "The cat sat on the mat.", "--layer", "1",
        "--head", "0",
    ])
    let rowStats = try #require(rows[2]["stats"] as? [String: Any])
    let snapshotStats = try #require(snapshot["stats"] as? [String: Any])
    #expect(rowStats["logit_std"] as? Double == snapshotStats["logit_std"] as? Double)
    #expect(rowStats["regime"] as? String == snapshotStats["regime"] as? String)

    let dashed = try CLIRunner.run(["heads", "--model", tiny(), "--text=-the cat-", "--format", "json"])
    #expect(dashed.status == 0, "\(dashed.stderr)")
    let csv = try CLIRunner.run(["heads", "--model", tiny(), "--format", "csv", "--scale", "none"]).stdoutText
    let lines = csv.split(separator: "\n")
    #expect(lines.count == 5)
    #expect(lines[0].hasPrefix("layer,head,dk,scale,divisor,logit_mean,logit_std,"))
    #expect(lines[0].hasSuffix(",regime"))
    #expect(lines[4].hasPrefix("1,1,4,none,1,"))
    let markdown = try CLIRunner.run(["heads", "--model", tiny()]).stdoutText.split(separator: "\n")
    #expect(markdown.count == 6)
    #expect(markdown[0].hasPrefix("| layer | head | d_k |"))
    #expect(Set(markdown.map(\.count)).count == 1)
}

/// A copy of the tiny model in a scratch folder, with one file replaced or edited.
private func brokenModel(_ scratch: ScratchDirectory, _ name: String, edit: (URL) throws -> Void) throws -> String {
    let folder = scratch.url.appendingPathComponent(name)
    try FileManager.default.copyItem(at: URL(fileURLWithPath: tiny()), to: folder)
    try edit(folder)
    return folder.path
}

private func writeConfig(_ folder: URL, _ change: (inout [String: Any]) -> Void) throws {
    let url = folder.appendingPathComponent("config.json")
    var config = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    change(&config)
    try JSONSerialization.data(withJSONObject: config).write(to: url)
}

/// One broken model folder, how the CLI must report it.
struct BrokenModel: CustomTestStringConvertible, Sendable {
    let name: String
    let status: Int32
    let fragment: String
    var testDescription: String { name }
}

@Test(arguments: [
    BrokenModel(name: "no-config", status: 66, fragment: "config.json: no such file"),
    BrokenModel(name: "no-weights", status: 66, fragment: "model.safetensors: no such file"),
    BrokenModel(name: "no-vocab", status: 66, fragment: "vocab.txt: no such file"),
    BrokenModel(name: "config-not-object", status: 65, fragment: "config.json: not a JSON object"),
    BrokenModel(name: "config-not-json", status: 65, fragment: "config.json: not valid JSON"),
    BrokenModel(name: "gpt2", status: 65, fragment: "model_type is \"gpt2\""),
    BrokenModel(name: "no-hidden", status: 65, fragment: "no \"hidden_size\""),
    BrokenModel(name: "indivisible", status: 65, fragment: "hidden_size 8 is not divisible by num_attention_heads 3"),
    BrokenModel(name: "truncated", status: 65, fragment: "lie outside"),
    BrokenModel(name: "header-length", status: 65, fragment: "runs past the end"),
    BrokenModel(name: "header-not-json", status: 65, fragment: "header is not JSON"),
    BrokenModel(name: "dtype", status: 65, fragment: "unsupported dtype 'F7'"),
    BrokenModel(name: "missing-tensor", status: 65, fragment: "no tensor named 'embeddings.word_embeddings.weight'"),
    BrokenModel(name: "shape", status: 65, fragment: "disagrees with config.json"),
    BrokenModel(
        name: "nan", status: 65,
        fragment: "tensor 'encoder.layer.1.output.dense.weight': holds NaN or infinity at [2, 5]"),
])
func brokenModelsGiveOneLineNamingTheFault(_ broken: BrokenModel) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let fixtures = tinyModels.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TensorFilesTests/Fixtures/safetensors")
    let path = try brokenModel(scratch, broken.name) { folder in
        let weights = folder.appendingPathComponent("model.safetensors")
        func useFixture(_ name: String) throws {
            try FileManager.default.removeItem(at: weights)
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: weights)
        }
        switch broken.name {
        case "no-config": try FileManager.default.removeItem(at: folder.appendingPathComponent("config.json"))
        case "no-weights": try FileManager.default.removeItem(at: weights)
        case "no-vocab": try FileManager.default.removeItem(at: folder.appendingPathComponent("vocab.txt"))
        case "config-not-object": try Data("[]".utf8).write(to: folder.appendingPathComponent("config.json"))
        case "config-not-json": try Data("{".utf8).write(to: folder.appendingPathComponent("config.json"))
        case "gpt2": try writeConfig(folder) { $0["model_type"] = "gpt2" }
        case "no-hidden": try writeConfig(folder) { $0["hidden_size"] = nil }
        case "indivisible": try writeConfig(folder) { $0["num_attention_heads"] = 3 }
        case "truncated": try useFixture("bad_truncated.safetensors")
        case "header-length": try useFixture("bad_header_length.safetensors")
        case "header-not-json": try useFixture("bad_not_json.safetensors")
        case "dtype": try useFixture("bad_dtype.safetensors")
        case "missing-tensor": try useFixture("valid.safetensors")
        case "shape": try writeConfig(folder) { $0["intermediate_size"] = 12 }
        default:
            // A NaN written over one weight of the second layer's feed-forward output.
            let file = try SafetensorsFile(path: weights.path)
            let entry = try #require(file.header.entries["encoder.layer.1.output.dense.weight"])
            var bytes = try Data(contentsOf: weights)
            let dataStart = bytes.count - file.header.entries.values.map(\.offsets.upperBound).max()!
            let offset = dataStart + entry.offsets.lowerBound + (2 * 16 + 5) * 4
            bytes.replaceSubrange(offset..<(offset + 4), with: [0x00, 0x00, 0xC0, 0x7F])
            try bytes.write(to: weights)
        }
    }
    let outcome = try CLIRunner.run(["snapshot", "--model", path])
    #expect(outcome.status == broken.status, "\(outcome.stderr)")
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.hasPrefix("attnview: ") && outcome.stderr.filter { $0 == "\n" }.count == 1)
    #expect(outcome.stderr.contains(broken.fragment), "\(outcome.stderr)")
}

@Test(arguments: [
    BadInvocation(
        arguments: ["snapshot", "--model", "/nonexistent/bert"], status: 66, fragment: "no such model folder"),
    BadInvocation(arguments: ["snapshot", "--model", "minilm"], status: 66, fragment: "run `make model`"),
    BadInvocation(arguments: ["snapshot", "--model", "other"], status: 66, fragment: "no model 'other'"),
    BadInvocation(
        arguments: ["snapshot", "--model", tiny(), "--text", ""], status: 64,
        fragment: "--text has no words the model reads"),
    BadInvocation(
        arguments: ["snapshot", "--model", tiny(), "--text", " \t "], status: 64,
        fragment: "--text has no words the model reads"),
    BadInvocation(
        arguments: [
            "snapshot", "--model", tiny(), "--text", Array(repeating: "cat", count: 20).joined(separator: " "),
        ],
        status: 64, fragment: "--text gives 22 tokens, over the model's 16 positions"),
    BadInvocation(
        arguments: ["snapshot", "--model", tiny(), "--layer", "2"], status: 64, fragment: "--layer 2 is out of range"),
    BadInvocation(arguments: ["snapshot", "--model", tiny(), "--head=-1"], status: 64, fragment: "--head -1"),
    BadInvocation(
        arguments: ["snapshot", "--model", tiny(), "--head", "2"], status: 64, fragment: "--head 2 is out of range"),
    BadInvocation(
        arguments: ["snapshot", "--model", tiny(), "--dk", "5"], status: 64, fragment: "--dk 5 is out of range"),
    BadInvocation(
        arguments: ["snapshot", "--model", tiny(), "--q", "q.npy", "--k", "k.npy"], status: 64,
        fragment: "--model cannot be combined with --q/--k"),
    // One rule for both token counts (issue 17, point 9): --n was silently ignored where --m was refused.
    BadInvocation(
        arguments: ["snapshot", "--model", tiny(), "--n", "8"], status: 64,
        fragment: "--n cannot be combined with --q/--k or --model"),
    BadInvocation(
        arguments: ["snapshot", "--model", tiny(), "--m", "8"], status: 64,
        fragment: "--m cannot be combined with --q/--k or --model"),
    // --seed, --sigma and --rho shape random Q and K only: refused with a model, not silently ignored.
    BadInvocation(
        arguments: ["snapshot", "--model", tiny(), "--seed", "3"], status: 64,
        fragment: "--seed cannot be combined with --q/--k or --model"),
    BadInvocation(
        arguments: ["snapshot", "--model", tiny(), "--sigma", "2"], status: 64,
        fragment: "--sigma cannot be combined with --q/--k or --model"),
    BadInvocation(
        arguments: ["snapshot", "--model", tiny(), "--rho", "0.5"], status: 64,
        fragment: "--rho cannot be combined with --q/--k or --model"),
    BadInvocation(arguments: ["snapshot", "--text", "hello"], status: 64, fragment: "--text needs --model"),
    BadInvocation(arguments: ["snapshot", "--layer", "1"], status: 64, fragment: "--layer needs --model"),
    BadInvocation(arguments: ["heads"], status: 64, fragment: "--model"),
    BadInvocation(arguments: ["heads", "--model", tiny(), "--layer", "1"], status: 64, fragment: "'--layer'"),
    BadInvocation(arguments: ["heads", "--model", tiny(), "--format", "xml"], status: 64, fragment: "'xml'"),
    BadInvocation(arguments: ["heads", "--model", tiny(), "--alpha", "0"], status: 64, fragment: "--alpha 0"),
    BadInvocation(
        arguments: ["heads", "--model", tiny(), "--text", ""], status: 64,
        fragment: "--text has no words the model reads"),
    BadInvocation(arguments: ["heads", "--model", "/nonexistent/bert"], status: 66, fragment: "no such model folder"),
])
func badModelInvocationsGiveOneLine(_ bad: BadInvocation) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let outcome = try CLIRunner.run(bad.arguments, environment: ["XDG_DATA_HOME": scratch.url.path])
    #expect(outcome.status == bad.status, "\(outcome.stderr)")
    #expect(outcome.stdout.isEmpty)
    #expect(
        outcome.stderr.hasPrefix("attnview: ") && outcome.stderr.filter { $0 == "\n" }.count == 1, "\(outcome.stderr)")
    #expect(outcome.stderr.contains(bad.fragment), "\(outcome.stderr) lacks \(bad.fragment)")
}

@Test func bareNamesAreFoundUnderXDGDataHome() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let models = scratch.url.appendingPathComponent("attnview/models")
    try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: URL(fileURLWithPath: tiny()), to: models.appendingPathComponent("tiny"))
    let outcome = try CLIRunner.run(
        ["snapshot", "--model", "tiny", "--format", "json"], environment: ["XDG_DATA_HOME": scratch.url.path])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let document = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
    #expect((document["params"] as? [String: Any])?["model"] as? String == "tiny")
    #expect((document["tokens"] as? [String])?.first == "[CLS]")
}

@Test func headsCarriesTheSharedStatisticsAndPicksColumns() throws {
    let csv = try CLIRunner.run(["heads", "--model", tiny(), "--format", "csv"]).stdoutText
    let header = try #require(csv.split(separator: "\n").first)
    #expect(header.contains(",score_grad_median,score_grad_max,unsafe_rows_fp16,"))
    #expect(!header.contains("logit_std_expected"), "the iid theory does not apply to a model")
    let picked = try CLIRunner.run([
        "heads", "--model", tiny(), "--format", "csv", "--columns", "score_grad_max,regime",
    ])
    #expect(picked.stdoutText.split(separator: "\n").first == "layer,head,dk,scale,divisor,score_grad_max,regime")
    let bad = try CLIRunner.run(["heads", "--model", tiny(), "--columns", "nope"])
    #expect(bad.status == 64 && bad.stderr.contains("--columns item 'nope' is not a statistic"))
}
