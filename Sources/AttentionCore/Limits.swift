import TensorFiles

/// The documented ranges of every parameter; the CLI and the UI check against these.
public enum Limits {
    /// Queries n and keys m, generated or read from files.
    public static let tokens = 1...4096
    /// Key/query dimension d_k.
    public static let dk = 1...65536
    /// Divisors outside this range are refused: softmax stays finite for every divisor inside it.
    public static let divisor = 1e-6...1e6
    /// Entry standard deviation of generated inputs. The upper end keeps every Float dot product
    /// and logit finite (|entry| ≤ 12.2·sigma, so |logit| ≤ 7e6·sigma²/s ≤ 7e24); below the lower
    /// end products of entries would fall into Float's subnormal range.
    public static let sigma = 1e-6...1e3
    /// Query–key alignment of generated inputs.
    public static let rho = 0.0..<1.0
    /// Largest Q or K file accepted, checked against the header before anything is allocated.
    public static let maxFileElements = NPYReader.maxElements
}
