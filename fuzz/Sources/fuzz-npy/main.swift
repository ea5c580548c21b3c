import FuzzPreamble
import TensorFiles

/// NPYReader on any bytes: a matrix of finite values, or a one-line error naming the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let path = Fuzz.file(start, count, name: "input.npy")
    do {
        let matrix = try NPYReader.read(path: path)
        precondition(matrix.values.allSatisfy { $0.isFinite }, "non-finite value accepted")
        precondition(matrix.values.count == matrix.rows * matrix.cols, "shape and values disagree")
    } catch {
        precondition(!error.isMissingFile, "the file just written was not found: \(error)")
        Fuzz.checkMessage(error.description, names: path)
    }
    return 0
}
