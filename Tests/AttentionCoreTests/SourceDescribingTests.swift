import AttentionCore
import Testing

/// Each source names itself: its JSON word and fields, header words, reproducing parameters and
/// file tag. The JSON, header and command-line tests check these land in the documents.
@Suite struct SourceDescribingTests {
    @Test func generatedInputsListTheGeneratorsKnobsOnlyWhenSet() {
        let plain = InputSource.generated.describing
        #expect(plain.kind == "generated" && plain.isGenerated && plain.fileTag == nil && plain.tokenLabels == nil)
        #expect(plain.arguments(AttentionParams()).map(\.name) == ["n", "dk", "seed"])
        let shaped = AttentionParams(n: 8, m: 16, dk: 4, seed: 3, sigma: 2, rho: 0.5)
        #expect(plain.arguments(shaped).map(\.name) == ["n", "m", "dk", "seed", "sigma", "rho"])
        #expect(plain.arguments(shaped).last?.value == .number(0.5))
        #expect(
            plain.jsonFields.map(\.key) == ["q_file", "k_file"] && plain.jsonFields.allSatisfy { $0.value == .null })
    }

    @Test func filesNameBothFilesEscapedInTheHeader() {
        let files = InputSource.files(q: "q.npy", k: "k\u{1B}.npy").describing
        #expect(files.kind == "files" && !files.isGenerated && files.origin == "files")
        #expect(files.headerWords { $0.replacingOccurrences(of: "\u{1B}", with: "ESC") } == "files q=q.npy k=kESC.npy")
        #expect(files.arguments(AttentionParams(dk: 12)).map(\.name) == ["q", "k", "dk"])
        #expect(files.jsonFields.map(\.value) == [.text("q.npy"), .text("k\u{1B}.npy")])
    }

    @Test func aModelHeadNamesItsHeadAndCarriesItsTokens() {
        let head = ModelHead(
            model: "minilm", text: "the cat", tokens: ["[CLS]", "the", "cat", "[SEP]"], layer: 2, head: 5,
            layers: 6, heads: 12)
        let model = InputSource.model(head).describing
        #expect(model.kind == "model" && model.origin == "the model" && !model.isGenerated)
        #expect(model.fileTag == "L2H5" && model.tokenLabels == head.tokens)
        #expect(model.headerWords { $0 } == "model minilm layer=2/6 head=5/12")
        #expect(model.arguments(AttentionParams(dk: 32)).map(\.name) == ["model", "text", "layer", "head", "dk"])
        #expect(model.jsonFields.map(\.key) == ["model", "text", "layer", "head", "layers", "heads"])
    }

    /// The engine and the non-finite check ask the source, not a switch: errors name the files, and a
    /// model head says where its values overflowed.
    @Test func eachSourceNamesItsInputsInErrors() {
        let files = InputSource.files(q: "q.npy", k: "k.npy").describing
        #expect(files.inputNames == ("q.npy", "k.npy"))
        #expect(files.nonFiniteInputs == "q.npy or k.npy holds values that are not finite (NaN or infinity)")
        let generated = InputSource.generated.describing
        #expect(generated.inputNames == ("Q", "K") && generated.nonFiniteInputs.hasPrefix("Q and K are not finite"))
        var head = ModelHead(model: "m", text: "t", tokens: [], layer: 1, head: 3, layers: 2, heads: 4)
        head.shape.nonFiniteFrom = "layer 1"
        #expect(
            InputSource.model(head).describing.nonFiniteInputs
                == "layer 1 head 3: Q and K are not finite (NaN or infinity); the model's values first overflow "
                + "float32 in layer 1")
    }
}
