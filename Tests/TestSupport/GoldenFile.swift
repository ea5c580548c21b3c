import Foundation
import Testing

/// A golden file: text a test wrote once on purpose (plain frames, SVG documents), compared byte for byte
/// on every run. `UPDATE_GOLDEN=1` rewrites the file instead of comparing; review its diff before committing.
public struct GoldenFile: Sendable {
    /// Where the golden text lives, in the source tree (goldens are read and written there, not from a bundle).
    public let url: URL

    /// The golden `path` relative to the folder of `file` (the calling test's source file).
    public init(_ path: String, beside file: String = #filePath) {
        url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(path)
    }

    /// Whether this run writes goldens instead of comparing them.
    public static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// Compares `text` with the golden (or writes it when updating), recording an issue that names
    /// the file and its first differing line when they differ.
    public func check(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if Self.updating {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(url.path); run with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        guard let difference = Self.firstDifference(text, expected) else { return }
        let advice = "if intended, regenerate with UPDATE_GOLDEN=1 and review the diff"
        Issue.record("\(url.lastPathComponent) differs at \(difference); \(advice)", sourceLocation: sourceLocation)
    }

    /// The first line where `actual` and `expected` differ, both spelled out, or nil when they are equal.
    static func firstDifference(_ actual: String, _ expected: String) -> String? {
        guard actual != expected else { return nil }
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(got.count, want.count) {
            let line = index < got.count ? String(got[index]) : "(none)"
            let golden = index < want.count ? String(want[index]) : "(none)"
            if line != golden { return "line \(index + 1): got '\(line)', golden '\(golden)'" }
        }
        return "its line endings"
    }
}
