import Foundation
import FuzzPreamble
import Transformer

private let folder = URL(fileURLWithPath: NSTemporaryDirectory() + "attnview-fuzz-tokenizer-\(getpid())")

/// BertTokenizer(folder:) on a vocab.txt, a tokenizer_config.json and a text cut from one input (bytes
/// 0–1: the vocabulary's length, byte 2: the config's, the rest: the text). Every text it encodes is
/// [CLS] … [SEP] of tokens from the vocabulary; a folder it refuses gets a one-line error naming a file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Fuzz.bytes(start, count)
    guard bytes.count >= 3 else { return 0 }
    let vocabularyEnd = min(bytes.count, 3 + Int(bytes[0]) | Int(bytes[1]) << 8)
    let configEnd = min(bytes.count, vocabularyEnd + Int(bytes[2]))
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let vocabulary = folder.appendingPathComponent("vocab.txt"),
        config = folder.appendingPathComponent("tokenizer_config.json")
    precondition(FileManager.default.createFile(atPath: vocabulary.path, contents: Data(bytes[3..<vocabularyEnd])))
    try? FileManager.default.removeItem(at: config)
    if configEnd > vocabularyEnd {
        precondition(
            FileManager.default.createFile(atPath: config.path, contents: Data(bytes[vocabularyEnd..<configEnd])))
    }
    let text = String(decoding: bytes[configEnd...], as: UTF8.self)
    do {
        let tokenizer = try BertTokenizer(folder: folder)
        let tokens = tokenizer.encode(text)
        precondition(tokens.count >= 2 && tokens.first?.text == "[CLS]" && tokens.last?.text == "[SEP]", "\(tokens)")
        for token in tokens {
            precondition(tokenizer.token(id: token.id) == token, "token \(token) is not the vocabulary's")
        }
    } catch {
        Fuzz.checkMessage(error.description, names: folder.path)
    }
    return 0
}
