import Foundation
import Testing

@Test func themesListsBundledAndUserThemes() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let folder = scratch.url.appendingPathComponent("attnview/themes")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("weights = [".utf8).write(to: folder.appendingPathComponent("broken.toml"))
    let outcome = try CLIRunner.run(["themes"], environment: ["XDG_CONFIG_HOME": scratch.url.path])
    #expect(outcome.status == 0)
    let lines = outcome.stdoutText.split(separator: "\n")
    #expect(lines.first?.hasPrefix("theme ") == true)
    let names = lines.dropFirst().map { $0.split(separator: " ").first.map(String.init) ?? "" }
    #expect(names.first == "broken", "user themes come first")
    for bundled in ["default", "viridis", "magma", "cividis", "grayscale", "light", "high-contrast"] {
        #expect(names.contains(bundled), "\(bundled)")
    }
    #expect(lines[1].contains("cannot be used: ") && lines[1].contains("broken.toml"))
    #expect(!outcome.stdoutText.contains("\u{1B}["), "no escapes when stdout is not a terminal")
}

@Test func themeErrorsExitWithTheirStatus() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let broken = scratch.path("broken.toml")
    try Data("weights = [".utf8).write(to: URL(fileURLWithPath: broken))
    let unknown = try CLIRunner.run(["snapshot", "--theme", "no-such-theme"])
    #expect(unknown.status == 64)
    #expect(
        unknown.stderr == "attnview: unknown theme 'no-such-theme' (available: cividis, default, grayscale, "
            + "high-contrast, light, magma, viridis; or a path to a .toml file)\n")
    let missing = try CLIRunner.run(["snapshot", "--theme", scratch.path("missing.toml")])
    #expect(missing.status == 66)
    let invalid = try CLIRunner.run(["snapshot", "--theme", broken])
    #expect(invalid.status == 65)
    #expect(invalid.stderr.hasPrefix("attnview: \(broken):"))
}
