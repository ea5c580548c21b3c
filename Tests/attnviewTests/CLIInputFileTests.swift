import Foundation
import TestSupport
import Testing

/// Every input file a command line names may be a FIFO: it hung attnview forever; now it exits 65 at
/// once with one line naming the file and what it is (`--q`, `--k`, `--theme`, each file of `--model`).
@Test
func fifoInputsExitAtOnceNamingThem() throws {
    let folder = try TemporaryFolder("cli-fifo")
    defer { folder.remove() }
    let fifo = try folder.fifo("pipe")
    let npy = CLIRunner.npyFixtures.appendingPathComponent("valid_f4_le_C.npy").path
    let tiny = CLIRunner.npyFixtures.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TransformerTests/Fixtures/models/tiny-f32")
    let model = folder.url.appendingPathComponent("model")
    try FileManager.default.copyItem(at: tiny, to: model)
    let weights = model.appendingPathComponent("model.safetensors").path
    try FileManager.default.removeItem(atPath: weights)
    try folder.fifo("model/model.safetensors")
    let cases: [(arguments: [String], culprit: String)] = [
        (["snapshot", "--q", fifo, "--k", npy], fifo),
        (["snapshot", "--q", npy, "--k", fifo], fifo),
        (["snapshot", "--theme", fifo], fifo),
        (["snapshot", "--model", model.path, "--text", "the cat"], weights),
    ]
    for (arguments, culprit) in cases {
        let outcome = try CLIRunner.run(arguments)
        #expect(outcome.status == 65, "\(arguments)")
        #expect(outcome.stderr == "attnview: \(culprit): is a FIFO (named pipe), not a regular file\n", "\(arguments)")
    }
}
