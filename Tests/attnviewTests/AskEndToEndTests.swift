import AttentionCore
import Foundation
import Testing
import Transformer

@testable import attnview

/// Issue 20 as a user asks it, in a real terminal with the tiny test model: which head gives `cat`'s
/// weight to `sat` most? Pick the pair, rank the grid by it, open the best; then change every divisor
/// at once and read what the whole model does. The numbers on screen are checked against the model.
@Suite(.serialized) struct AskEndToEndTests {
    static let text = "The cat sat on the mat."

    @Test func rankHeadsByAPairThenChangeEveryDivisor() throws {
        let labels = ModelHead(
            model: ModelEndToEndTests.tinyModel, text: Self.text, tokens: [], layer: 0, head: 0, layers: 0, heads: 0)
        let run = try ModelRun(labels: labels, environment: [:])
        let params = AttentionParams(n: run.labels.tokens.count, dk: run.headWidth, source: .model(run.labels))
        let refs = (0..<run.labels.layers).flatMap { layer in (0..<run.labels.heads).map { (layer, $0) } }
        let weights = refs.map { run.allHeads[$0.0][$0.1].weight(from: 2, to: 3, params: params) }
        let best = refs[try #require(HeadRanking.order(weights, descending: true).first)]
        let bestWeight = try #require(weights.max())
        let doubled = try run.running(alpha: 2).encoding.qk.meanPooled
        let cosine = try #require(cosineSimilarity(doubled, run.encoding.qk.meanPooled))

        let session = try TmuxSession(
            arguments: ["--model", ModelEndToEndTests.tinyModel, "--text", Self.text], width: 120, height: 40)
        try session.waitFor("the tokens") { $0.contains("attention · layer 0 head 0") && $0.contains("mat") }
        try session.send("j", "j")
        try session.waitFor("cat selected") { $0.contains("cat (2) attends to") }
        try session.send("J", "J", "J", "J")
        try session.waitFor("the pair cat → sat in the row panel and the status bar") {
            $0.contains("cat (2) attends to sat (3): ") && $0.contains("L0 H0 · cat (2) → sat (3) ")
        }
        try session.send("g", "s", "s", "s")
        try session.waitFor("the grid coloured by the pair's weight") {
            $0.contains("weight cat (2) → sat (3)  0 ") && $0.contains("layer × head")
        }
        try session.send("r")
        let shown = NumberFormat3.fixed(bestWeight)
        try session.waitFor("ranked, the best first under the cursor") {
            $0.contains("ranked, largest first") && $0.contains("rank 1 of 4")
                && $0.contains("layer \(best.0) head \(best.1) · weight cat (2) → sat (3)")
        }
        try session.send("Enter")
        try session.waitFor("Enter opened the best head") {
            $0.contains("attention · layer \(best.0) head \(best.1)")
                && $0.contains("cat (2) attends to sat (3): \(shown)")
        }
        try session.send("A")
        try session.waitFor("every divisor × 1: the model as trained") {
            $0.contains("every divisor × 1.000") && $0.contains("cos to trained  1.0000")
        }
        try session.send("Up", "Up", "Up", "Up")
        try session.waitFor("every divisor × 2: the encoder ran again") {
            $0.contains("every divisor × 2.000")
                && $0.contains("cos to trained  \(String(format: "%.4f", cosine))")
        }
        try session.send("s")
        try session.waitFor("no snapshot of a picture its command cannot replay") { $0.contains("not saved:") }
        try session.send("A")
        try session.waitFor("A again: the model as trained") { !$0.contains("every divisor ×") }
        try session.send("q")
        try session.waitFor("attnview to exit") { $0.contains(TmuxSession.exitMarker + " status=0") }
    }
}

/// Three decimals, as the row panel prints a weight.
enum NumberFormat3 {
    static func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
}
