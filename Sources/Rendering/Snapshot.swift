import AttentionCore

/// What a text or ANSI snapshot says above the frame: how to reproduce it and the numbers.
public struct SnapshotHeader: Sendable {
    /// The `attnview snapshot …` command line that reproduces this frame.
    public let commandLine: String
    /// The parameters and statistics the header lists.
    public let result: AttentionResult

    public init(commandLine: String, result: AttentionResult) {
        self.commandLine = commandLine
        self.result = result
    }

    /// `#`-prefixed lines: the command, every parameter, every statistic under its JSON name.
    public var lines: [String] {
        let p = result.params
        let s = result.stats
        let source: String
        switch p.source {
        case .generated: source = "generated"
        case let .files(q, k): source = "files q=\(q) k=\(k)"
        case let .model(head):
            source = "model \(head.model) layer=\(head.layer)/\(head.layers) head=\(head.head)/\(head.heads)"
        }
        let measured: [(String, Double, Double?)] = [
            ("logit_mean", s.logitMean, nil), ("logit_std", s.logitStd, s.logitStdExpected),
            ("entropy_mean", s.entropyMean, nil), ("entropy_normalized_mean", s.entropyNormalizedMean, nil),
            ("max_weight_mean", s.maxWeightMean, nil), ("effective_tokens_mean", s.effectiveTokensMean, nil),
            ("jacobian_fro_mean", s.jacobianFroMean, nil), ("score_grad_mean", s.scoreGradMean, nil),
        ]
        let values = NumberFormat.aligned(measured.map { $0.1 }, maximumDecimals: 6)
        var lines = [
            "# \(commandLine)",
            "# params: n=\(p.n) m=\(p.m) d_k=\(p.dk) scale=\(p.scale.name) alpha=\(Self.number(p.alpha)) "
                + "divisor=\(Self.number(result.divisor)) seed=\(p.seed) sigma=\(Self.number(p.sigma)) "
                + "rho=\(Self.number(p.rho)) causal=\(p.causal) source=\(source)",
            "# stats:",
        ]
        for (index, (name, _, expected)) in measured.enumerated() {
            let padded = name + String(repeating: " ", count: 24 - name.count)
            let line = "#   \(padded)\(values[index])" + (expected.map { "  (expected \(Self.number($0)))" } ?? "")
            lines.append(line.trimmingWhitespace())
        }
        lines.append("#   regime                  \(s.regime.rawValue)")
        return lines
    }

    /// A parameter's shortest exact-enough spelling: integers without decimals, else 6 significant digits.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return NumberFormat.fixed(value, 0) }
        return NumberFormat.fixed(value, NumberFormat.decimals(for: value, maximum: 8) + 2)
    }
}

/// Turns a frame into the saved snapshot formats.
public enum SnapshotDocument {
    /// Header plus the frame as plain UTF-8, no escape codes.
    public static func text(frame: Frame, header: SnapshotHeader) -> String {
        header.lines.joined(separator: "\n") + "\n\n" + frame.plainText()
    }

    /// Header plus the frame with ANSI colour escapes, for `cat`.
    public static func ansi(frame: Frame, header: SnapshotHeader) -> String {
        header.lines.joined(separator: "\n") + "\n\n" + frame.ansiText()
    }
}
