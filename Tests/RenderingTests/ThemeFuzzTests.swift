import Foundation
import TestSupport
import Testing

@testable import Rendering

/// Theme files are untrusted: mutated, truncated and random TOML must load or throw a
/// `ThemeError` naming the file, never trap (`make fuzz` runs libFuzzer + ASan longer).
@Test func mutatedThemeFilesNeverTrap() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-fuzz-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("case.toml").path
    let catalog = ThemeCatalog(environment: [:])
    var random = SplitMix64(state: 2026)
    let seeds = ThemeCatalog.bundledNames.compactMap { BundledThemes.sources[$0] }.map { Array($0.utf8) }
    let tokens = Array("[]{}=\"'#,.\n\\ 0123456789abcdefxrampsweightslogitscolorsbackgroundnone\u{0}".utf8)
    var cases: [[UInt8]] = []
    for seed in seeds {
        cases += stride(from: 0, through: seed.count, by: 11).map { Array(seed.prefix($0)) }
        for _ in 0..<200 {
            var mutated = seed
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let index = Int.random(in: 0..<mutated.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: mutated[index] = UInt8.random(in: 0...255, using: &random)
                case 1: mutated[index] = tokens[Int.random(in: 0..<tokens.count, using: &random)]
                default: mutated.remove(at: index)
                }
            }
            cases.append(mutated)
        }
    }
    for _ in 0..<300 {
        cases.append(
            (0..<Int.random(in: 0...200, using: &random)).map { _ in
                tokens[Int.random(in: 0..<tokens.count, using: &random)]
            })
    }
    cases.append(Array(String(repeating: "[", count: 10_000).utf8))
    cases.append(Array(("weights = " + String(repeating: "[", count: 5_000)).utf8))
    var loaded = 0
    for (number, bytes) in cases.enumerated() {
        let outcome: Result<Theme, ThemeError>
        if number % 50 == 0 {
            // Every 50th case goes the whole way: a file on disk through the catalog.
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            outcome = Result { () throws(ThemeError) -> Theme in try catalog.load(path) }
        } else if let text = String(bytes: bytes, encoding: .utf8) {
            outcome = Result { () throws(ThemeError) -> Theme in
                try ThemeParser(file: path, text: text).parse(name: "case")
            }
        } else {
            continue
        }
        switch outcome {
        case let .success(theme):
            #expect(theme.weights.stops.count >= 2 && theme.logits.stops.count >= 2)
            loaded += 1
        case let .failure(.invalid(file, _, _, reason)):
            #expect(file == path && !reason.isEmpty)
        case let .failure(error):
            Issue.record("unexpected \(error)")
        }
    }
    #expect(cases.count > 1_500)
    #expect(loaded > 0 && loaded < cases.count, "some mutations still load, most do not")
}

/// A FIFO as a theme (by path, or in the user's folder where `attnview themes` and `t` find it) is
/// refused at once, naming it; a directory too.
@Test
func aThemeThatIsNotAFileIsRefusedWithoutReadingIt() throws {
    let home = try TemporaryFolder("theme-fifo")
    defer { home.remove() }
    try FileManager.default.createDirectory(
        at: home.url.appendingPathComponent("attnview/themes"), withIntermediateDirectories: true)
    let fifo = try home.fifo("attnview/themes/pipe.toml")
    let catalog = ThemeCatalog(environment: ["XDG_CONFIG_HOME": home.url.path])
    let refusal = ThemeError.invalid(
        file: fifo, line: nil, key: nil, reason: "is a FIFO (named pipe), not a regular file")
    #expect(throws: refusal) { try catalog.load(fifo) }
    #expect(throws: refusal) { try catalog.load("pipe") }
    #expect(catalog.availableNames().contains("pipe"))
    #expect(
        throws: ThemeError.invalid(
            file: home.url.path + "/", line: nil, key: nil, reason: "is a directory, not a regular file")
    ) {
        try catalog.load(home.url.path + "/")
    }
}
