import ArgumentParser
import AttentionCore
import Foundation

/// A `--scale` value as typed: a policy, listed in help and completions, or a divisor; read by
/// `policy(of:flag:)` in the command's validation, so a bad value gets a message naming the flag.
struct ScaleArgument: ExpressibleByArgument, Sendable {
    /// The value as given.
    let text: String

    init(argument: String) {
        text = argument
    }

    static var allValueStrings: [String] { ["sqrt", "dk", "none"] }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var defaultValueDescription: String { text }

    /// Reads a `--scale` value: `sqrt`, `dk`, `none` or a positive divisor inside `Limits.divisor`.
    static func policy(of text: String, flag: String) throws -> ScalePolicy {
        switch text.lowercased() {
        case "sqrt": return .sqrtDk
        case "dk": return .dk
        case "none": return .none
        default:
            guard let value = Double(text) else {
                throw ValidationError("\(flag) '\(text)' is not sqrt, dk, none or a number")
            }
            guard Limits.divisor.contains(value) else {
                throw FlagError(flag: flag, value: text, allowed: divisorRange)
            }
            return .fixed(value)
        }
    }

    /// The allowed divisors in words, for error messages.
    static var divisorRange: String {
        String(format: "a divisor from %g to %g", Limits.divisor.lowerBound, Limits.divisor.upperBound)
    }
}

/// `--scale` and `--alpha`, the divisor: one group for the view, `snapshot`, `heads` and `export`.
struct DivisorOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: "Divisor s: sqrt (alpha·√d_k), dk (alpha·d_k), none (alpha), or a positive number (s itself).")
    var scale = ScaleArgument(argument: "sqrt")

    @Option(parsing: .unconditional, help: "Multiplier of the divisor policy (> 0; ignored when --scale is a number).")
    var alpha: Double = 1

    /// The policy `--scale` names; a usage error names the flag.
    func policy() throws -> ScalePolicy {
        try ScaleArgument.policy(of: scale.text, flag: "--scale")
    }
}

/// `--model` and `--text`: the model and what it reads, for the commands that go through every
/// head of it (`heads`, `export`).
struct ModelSourceOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A BERT model: a folder or a name installed under ~/.local/share/attnview/models (`make model`).",
            valueName: "path|name"))
    var model: String

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The text the model reads (default: a sentence about a tired animal); @FILE reads a file, - standard "
                + "input.", valueName: "text|@file|-"))
    var text: String?

    /// The parameters of the model's first head reading the text, with the divisor options, d_k `dk`
    /// (default: all of d_head) and `causal`, checked as `snapshot --model` checks them.
    /// `readingText` false leaves `--text @FILE` and `-` unread (argument checks run before any input is read).
    func params(divisor: DivisorOptions, dk: Int? = nil, causal: Bool = false, readingText: Bool = true) throws
        -> AttentionParams
    {
        let head = ModelHead(
            model: model,
            text: try text.map { readingText ? try TextArgument.resolve($0) : $0 } ?? ModelOptions.defaultText,
            tokens: [], layer: 0, head: 0, layers: 0, heads: 0)
        let params = AttentionParams(
            dk: dk ?? AttentionParams.allFileColumns, scale: try divisor.policy(), alpha: divisor.alpha, causal: causal,
            source: .model(head))
        try params.validate()
        return params
    }
}
