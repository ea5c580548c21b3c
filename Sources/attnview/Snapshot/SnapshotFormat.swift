import ArgumentParser

/// The picture formats the view's `s` and `S` can save (`--snapshot-format`, and `f` in the view).
enum SnapshotFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    case text, svg, ansi

    /// The file extension: `.ans` is what ANSI art viewers and `less -R` users expect.
    var fileExtension: String {
        switch self {
        case .text: "txt"
        case .svg: "svg"
        case .ansi: "ans"
        }
    }

    /// The next format, for the key that cycles them.
    var next: SnapshotFormat {
        let all = Self.allCases
        return all[(all.firstIndex(of: self).map { $0 + 1 } ?? 0) % all.count]
    }
}
