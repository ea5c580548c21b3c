import Foundation
import TestSupport
import Testing

/// Golden frames of the training lab: `attnview snapshot --lab-step N`, real runs trained to a
/// fixed step (the training module is optimised even in debug builds, so this takes a second or
/// two). Each golden's first line is the command that printed it. OpenBLAS' kernels round
/// differently from CPU to CPU, and the s = 1 run is chaotic enough to show it within ten steps,
/// so the command runs on the kernels every x86-64 CPU has (`OPENBLAS_CORETYPE=Prescott`).
/// Regenerate on purpose with `UPDATE_GOLDEN=1 swift test --filter LabGoldenTests` and read the diff.
@Suite struct LabGoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        var testDescription: String { name }
    }

    static let cases = [
        // The opening settings finished: √d_k learned, d_k crawled, s = 1 stuck.
        Case(name: "lab-80x24", arguments: ["--lab-step", "250", "--width", "80", "--height", "24"]),
        // Half way, every run still training; the fourth run at the user's 2·√d_k.
        Case(
            name: "lab-200x60",
            arguments: ["--lab-step", "120", "--alpha", "2", "--width", "200", "--height", "60"]),
        // The grid's first row done (d_k 16, s = 1, every learning rate).
        Case(
            name: "lab-grid-80x24",
            arguments: ["--lab-step", "60", "--lab-grid", "7", "--width", "80", "--height", "24"]),
    ]

    static let environment = ["OPENBLAS_CORETYPE": "Prescott"]

    @Test(arguments: cases)
    func theCommandPrintsTheGoldenAndItsHeaderNamesTheCommand(_ golden: Case) throws {
        let outcome = try CLIRunner.run(["snapshot"] + golden.arguments, environment: Self.environment)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = outcome.stdoutText
        try GoldenFile("LabGolden/\(golden.name).txt").check(text)
        guard !GoldenFile.updating else { return }
        let command = try #require(text.split(separator: "\n").first)
        let words = command.dropFirst("# attnview ".count).split(separator: " ").map(String.init)
        let again = try CLIRunner.run(words, environment: Self.environment)
        #expect(again.stdoutText == text, "the header's command draws another picture")
    }
}
