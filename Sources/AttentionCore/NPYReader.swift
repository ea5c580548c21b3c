/// Reads a 2-D NumPy `.npy` file into a row-major Float matrix.
public enum NPYReader {
    /// The matrix stored at `path`; throws `.fileNotFound` or `.badFile` naming the path.
    public static func read(path: String) throws(AttentionError) -> Matrix {
        throw .badFile(path: path, reason: "reading .npy is not implemented yet")
    }
}
