import ArgumentParser
import AttentionCore
import Testing

@testable import attnview

/// Options are ArgumentParser's own: enumerated values listed in help and completions, and one
/// option group each for the divisor and the model source, shared by the commands that take them.
struct ArgumentParserUseTests {
    @Test func enumeratedValuesAreListedInHelpAndCompletions() {
        let snapshot = AttnView.helpMessage(for: SnapshotCommand.self, columns: 200)
        #expect(snapshot.contains("(values: sqrt, dk, none; default: sqrt)"))
        #expect(snapshot.contains("(values: truecolor, 256, 16; default: truecolor)"))
        #expect(snapshot.contains("(values: json, text, ansi, svg; default: text)"))
        let bash = AttnView.completionScript(for: .bash)
        for values in [
            ["sqrt", "dk", "none"], ["truecolor", "256", "16"], ["markdown", "csv", "json"], ["layer", "head"],
        ] {
            // Bash's completion words, one a line: 'a'$'\n''b'.
            let words = values.map { "'\($0)'" }.joined(separator: "$'\\n'")
            #expect(bash.contains("-W " + words), "\(values) in the bash completions")
        }
    }

    @Test func headsAndExportTakeTheSameGroups() throws {
        let heads = try HeadsCommand.parse(["--model", "m", "--text", "-5 apples", "--scale", "dk", "--alpha", "2"])
        let export = try ExportCommand.parse(["--model=m", "--text=-5 apples", "--scale=dk", "--alpha=2", "--output=o"])
        for (source, divisor) in [(heads.source, heads.divisor), (export.source, export.divisor)] {
            #expect(source.model == "m" && source.text == "-5 apples")
            #expect(try divisor.policy() == .dk && divisor.alpha == 2)
            let params = try source.params(divisor: divisor, readingText: false)
            #expect(params.scale == .dk && params.alpha == 2 && params.dk == AttentionParams.allFileColumns)
            guard case .model(let head) = params.source else {
                Issue.record("expected a model source, got \(params.source)")
                continue
            }
            #expect(head.model == "m" && head.text == "-5 apples")
        }
        let view = try ModelOptions.parse(["--scale", "none", "--alpha", "0.5"])
        #expect(try view.params().scale == ScalePolicy.none && view.divisor.alpha == 0.5)
    }

    @Test func aBadScaleNamesItsFlag() {
        #expect(throws: FlagError(flag: "--scale", value: "2e6", allowed: ScaleArgument.divisorRange)) {
            try DivisorOptions.parse(["--scale", "2e6"]).policy()
        }
    }
}
