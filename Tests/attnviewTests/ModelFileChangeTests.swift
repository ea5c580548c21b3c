import AttentionCore
import Foundation
import TestSupport
import Testing

@testable import attnview

/// The view's model file truncated under it, then a new text run: that killed attnview with SIGBUS
/// (exit 135, the weights were mapped). Now the run works from the copy in memory, and the status line
/// says the file changed; once the folder loads again, the next text reloads it.
@Test func aModelFileTruncatedUnderTheViewIsNoticedNotFatal() throws {
    let folder = try TemporaryFolder("model-change")
    defer { folder.remove() }
    let model = folder.url.appendingPathComponent("tiny")
    try FileManager.default.copyItem(atPath: ModelEffectTests.tinyModel, toPath: model.path)
    let weights = model.appendingPathComponent("model.safetensors")
    let original = try Data(contentsOf: weights)
    let labels = ModelHead(
        model: model.path, text: "The cat sat on the mat.", tokens: [], layer: 1, head: 1, layers: 0, heads: 0)
    let run = try ModelRun(labels: labels, environment: [:])
    let unchanged = try run.reading("the cat", head: run.labels)
    #expect(unchanged.note == nil)

    let handle = try #require(FileHandle(forWritingAtPath: weights.path))
    try handle.truncate(atOffset: 100)
    try handle.close()
    let truncated = try run.reading("the cat", head: run.labels)
    #expect(truncated.run.labels.tokens == ["[CLS]", "the", "cat", "[SEP]"])
    #expect(
        truncated.run.matrices(for: truncated.run.labels)?.queries.values
            == unchanged.run.matrices(
                for: unchanged.run.labels)?.queries.values)
    let note = try #require(truncated.note)
    #expect(note.hasPrefix("model.safetensors changed on disk and no longer loads ("), "\(note)")
    #expect(note.hasSuffix("; the loaded copy is used"))

    try original.write(to: weights)
    let restored = try run.reading("the cat", head: run.labels)
    #expect(restored.note == "model.safetensors changed on disk: the model was loaded again")
    #expect(try restored.run.reading("the cat", head: restored.run.labels).note == nil)
}
