import FuzzPreamble
import TensorFiles

/// SafetensorsFile on any bytes, then every float tensor decoded: finite values of the header's shape,
/// tensors that cover the data exactly, or a one-line error naming the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let path = Fuzz.file(start, count, name: "input.safetensors")
    do {
        let file = try SafetensorsFile(path: path)
        let covered = file.header.entries.values.reduce(0) { $0 + $1.offsets.count }
        precondition(covered <= count, "tensors claim more bytes than the file has")
        for (name, entry) in file.header.entries where entry.dtype.isDecodable {
            let tensor = try file.floats(named: name)
            precondition(tensor.shape == entry.shape, "shape changed")
            precondition(tensor.values.allSatisfy { $0.isFinite }, "non-finite value accepted")
        }
    } catch {
        precondition(!error.isMissingFile, "the file just written was not found: \(error)")
        Fuzz.checkMessage(error.description, names: path)
    }
    return 0
}
