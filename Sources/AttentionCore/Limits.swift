/// The documented ranges of every parameter; the CLI and the UI check against these.
public enum Limits {
    public static let tokens = 1...4096
    public static let dk = 1...65536
    /// Divisors outside this range are refused: softmax stays finite for every divisor inside it.
    public static let divisor = 1e-6...1e6
    /// Largest Q or K file accepted, checked against the header before anything is allocated.
    public static let maxFileElements = 64 * 1024 * 1024
}
