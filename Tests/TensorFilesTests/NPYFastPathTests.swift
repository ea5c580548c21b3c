import Foundation
import Testing

@testable import TensorFiles

/// Little-endian float32 in C order is read straight into the matrix and then scanned for NaN and
/// infinity 16 values at a time: every position of a block and the tail must be caught.
@Test(arguments: [0, 1, 15, 16, 17, 31, 32, 63, 64, 99])
func nonFiniteValuesAreFoundAtEveryPosition(position: Int) {
    for bad in [Float.nan, .infinity, -.infinity, .signalingNaN] {
        var values = (0..<100).map { Float($0) - 50 }
        values[position] = bad
        #expect(values.withUnsafeBufferPointer(NPYReader.firstNonFinite) == position)
    }
    let extremes: [Float] = [.greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude, 0, -0.0]
    let finite = (0..<100).map { extremes[$0 % extremes.count] }
    #expect(finite.withUnsafeBufferPointer(NPYReader.firstNonFinite) == nil)
}

@Test func aLargeNativeFloatFileReadsExactlyWhatWasWritten() throws {
    let rows = 37, cols = 129
    let values = (0..<(rows * cols)).map { Float(sin(Double($0))) * 1e3 }
    let header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows), \(cols)), }"
    let padded = header.padding(toLength: 118, withPad: " ", startingAt: 0) + "\n"
    var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(padded.utf8.count), 0] + Array(padded.utf8))
    values.withUnsafeBytes { data.append(contentsOf: $0) }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("native-\(getpid()).npy").path
    try data.write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let matrix = try NPYReader.read(path: path)
    #expect(matrix == Matrix(rows: rows, cols: cols, values: values))
    try data.prefix(data.count - 6).write(to: URL(fileURLWithPath: path))
    #expect(
        throws: TensorFileError.badFile(
            path: path,
            reason: "truncated: the header promises 4773 values (19092 bytes), the file holds 19086 bytes of data")
    ) {
        try NPYReader.read(path: path)
    }
}
