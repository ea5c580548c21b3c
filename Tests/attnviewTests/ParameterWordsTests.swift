import AttentionCore
import Testing
import Transformer

@testable import attnview

/// The view says why a parameter cannot change in its own words: the core's checks, with the
/// parameter named as the parameter panel labels it (never a command-line flag).
struct ParameterWordsTests {
    @Test func theCoreChecksSpeakThePanelsWords() {
        let files = AttentionParams(dk: 32, source: .files(q: "q.npy", k: "k.npy"))
        #expect(
            ParameterSteps.problem(with: files, dkRange: 1...16)
                == "d_k 32 is out of range (allowed: 1–16, the inputs' d)")
        #expect(ParameterSteps.problem(with: AttentionParams(dk: 16, source: files.source), dkRange: 1...16) == nil)
        let fixed = ParameterSteps.problem(with: AttentionParams(scale: .fixed(2e6)), dkRange: Limits.dk)
        #expect(fixed == "divisor s 2e+06 is out of range (allowed: a divisor in 1e-06…1e+06)")
        let alpha = ParameterSteps.problem(with: AttentionParams(dk: 64, alpha: 2e6), dkRange: Limits.dk)
        #expect(alpha?.hasPrefix("alpha 2e+06 is out of range") == true, "\(alpha ?? "nil")")
        let huge = ParameterSteps.problem(with: AttentionParams(n: 4096, dk: 65536), dkRange: Limits.dk)
        #expect(huge?.hasSuffix("is more than the view's \(ParameterSteps.maxMatrixElements) values") == true)
    }

    @Test func noMessageOfTheViewNamesAFlag() {
        let errors: [String] =
            AttentionParameter.allCases.map { AttentionError.outOfRange($0, value: "0", allowed: "1").viewDescription }
            + ModelParameter.allCases.map { ModelError.outOfRange($0, value: 9, count: 2).viewDescription }
            + [ModelError.emptyText.viewDescription, ModelError.textTooLong(tokens: 9, limit: 2).viewDescription]
        for message in errors { #expect(!message.contains("--"), "\(message)") }
        #expect(ModelError.emptyText.viewDescription.hasPrefix("the text has no words"))
    }
}
