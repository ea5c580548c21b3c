import AttentionCore

/// What a text or ANSI snapshot says above the frame: how to reproduce it and the numbers.
public struct SnapshotHeader: Sendable {
    /// The `attnview snapshot …` command line that reproduces this frame.
    public let commandLine: String
    public let result: AttentionResult

    public init(commandLine: String, result: AttentionResult) {
        self.commandLine = commandLine
        self.result = result
    }
}

/// Turns a frame into the saved snapshot formats.
public enum SnapshotDocument {
    /// Header plus the frame as plain UTF-8, no escape codes.
    public static func text(frame: Frame, header: SnapshotHeader) -> String {
        "# \(header.commandLine)\n" + frame.plainText()
    }

    /// Header plus the frame with ANSI colour escapes, for `cat`.
    public static func ansi(frame: Frame, header: SnapshotHeader) -> String {
        text(frame: frame, header: header)
    }
}
