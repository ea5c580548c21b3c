import Foundation
import Testing

/// An unknown `--theme` is refused the same way by every command that draws: exit 64, one line
/// naming the theme and listing the available ones, no build-folder paths.
@Suite(.serialized) struct UnknownThemeTests {
    static let message =
        "attnview: unknown theme 'nosuch' (available: cividis, default, grayscale, high-contrast, light, magma, "
        + "viridis; or a path to a .toml file)"

    /// No user folder, so only the bundled themes are listed.
    static let environment = ["XDG_CONFIG_HOME": "/nonexistent", "HOME": "/nonexistent"]

    @Test(arguments: ["text", "ansi", "json"])
    func snapshotRefusesItInEveryFormat(format: String) throws {
        let outcome = try CLIRunner.run(
            ["snapshot", "--theme", "nosuch", "--format", format], environment: Self.environment)
        #expect(outcome.status == 64)
        #expect(outcome.stderr == Self.message + "\n")
        #expect(outcome.stdout.isEmpty)
        #expect(!outcome.stderr.contains(".build") && !outcome.stderr.contains("/"))
    }

    @Test func theViewRefusesItBeforeTakingTheScreen() throws {
        guard TmuxSession.isAvailable else { return }
        let session = try TmuxSession(
            arguments: ["--theme", "nosuch"], environment: Self.environment.map { "\($0.key)=\($0.value)" })
        let screen = try session.waitFor("exit") { $0.contains(TmuxSession.exitMarker) }
        #expect(screen.contains("status=64 icanon echo"))
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains(Self.message))
        #expect(try session.paneValue("#{alternate_on}") == "0")
    }

    @Test func aUserThemeNamedLikeABundledOneStillWins() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("attnview-user-\(UUID().uuidString)")
        let folder = home.appendingPathComponent("attnview/themes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try "summary = \"mine\"\n[colors]\nbroken = 1\n".write(
            to: folder.appendingPathComponent("viridis.toml"), atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(
            ["snapshot", "--theme", "viridis"], environment: ["XDG_CONFIG_HOME": home.path])
        #expect(outcome.status == 65, "the user's (broken) viridis is read, not the bundled one")
        #expect(outcome.stderr.contains("viridis.toml:3: key 'colors.broken'"))
    }
}
