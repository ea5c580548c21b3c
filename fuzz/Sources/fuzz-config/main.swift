import Foundation
import FuzzPreamble
import Transformer

/// BertConfig on any bytes (a config.json): sizes inside the documented ranges, or a one-line error
/// naming the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    do {
        let config = try BertConfig(json: Data(bytes: start, count: count), path: "config.json")
        precondition(config.hiddenSize % config.heads == 0, "head width not whole")
        precondition(
            (1...65536).contains(config.maxPositions) && (1...1024).contains(config.layers), "size out of range")
        precondition(config.layerNormEpsilon > 0 && config.layerNormEpsilon < 1, "epsilon out of range")
    } catch {
        Fuzz.checkMessage(error.description, names: "config.json")
    }
    return 0
}
