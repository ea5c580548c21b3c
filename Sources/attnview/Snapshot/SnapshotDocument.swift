import AttentionCore
import Foundation
import Rendering
import TensorFiles

/// What a text or ANSI snapshot says above the frame: how to reproduce it and the numbers.
struct SnapshotHeader: Sendable {
    /// The `attnview snapshot …` command line that reproduces this frame.
    let commandLine: String
    /// The parameters and statistics the header lists.
    let result: AttentionResult
    /// The standard divisor's result beside it (`snapshot --compare`), listed after it.
    let baseline: AttentionResult?

    init(commandLine: String, result: AttentionResult, baseline: AttentionResult? = nil) {
        self.commandLine = commandLine
        self.result = result
        self.baseline = baseline
    }

    /// `#`-prefixed lines: the command, every parameter, every statistic under its JSON name (and
    /// with a baseline, its divisor and statistics the same way). File and model names are the
    /// user's: their control characters are escaped (`VisibleControls`), so the header stays text.
    var lines: [String] {
        let p = result.params
        let source = p.source.describing.headerWords(VisibleControls.escaped)
        var lines = [
            "# \(VisibleControls.escaped(commandLine))",
            "# params: n=\(p.n) m=\(p.m) d_k=\(p.dk) scale=\(p.scale.name) alpha=\(Self.number(p.alpha)) "
                + "divisor=\(Self.number(result.divisor)) seed=\(p.seed) sigma=\(Self.number(p.sigma)) "
                + "rho=\(Self.number(p.rho)) causal=\(p.causal) source=\(source)",
            "# stats:",
        ]
        lines += Self.statisticLines(result.stats)
        if let baseline {
            lines.append(
                "# baseline: scale=\(baseline.params.scale.name) alpha=\(Self.number(baseline.params.alpha)) "
                    + "divisor=\(Self.number(baseline.divisor))")
            lines.append("# baseline stats:")
            lines += Self.statisticLines(baseline.stats)
        }
        return lines
    }

    /// One `#   name  value` line per statistic of the shared list, then the regime; the theory's
    /// std rides beside the measured one.
    static func statisticLines(_ s: AttentionStatistics) -> [String] {
        let measured = AttentionStatistics.columns.filter { $0.key != "logit_std_expected" }.map { column in
            (column.key, column.value(s) ?? 0, column.key == "logit_std" ? s.logitStdExpected : nil)
        }
        // Six decimals would print a dying gradient (1e-5 and below) as 0.000000: four significant
        // digits in exponent form instead.
        let values = NumberFormat.alignedKeepingSmall(measured.map { $0.1 }, maximumDecimals: 6) {
            String(format: "%.4g", $0)
        }
        var lines: [String] = []
        for (index, (name, _, expected)) in measured.enumerated() {
            let padded = name + String(repeating: " ", count: 24 - name.count)
            let line = "#   \(padded)\(values[index])" + (expected.map { "  (expected \(Self.number($0)))" } ?? "")
            lines.append(line.trimmingCharacters(in: .whitespaces))
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
enum SnapshotDocument {
    /// Header plus the frame as plain UTF-8, no escape codes.
    static func text(frame: Frame, header: SnapshotHeader) -> String {
        header.lines.joined(separator: "\n") + "\n\n" + frame.plainText()
    }

    /// Header plus the frame with ANSI colour escapes, for `cat`.
    static func ansi(frame: Frame, header: SnapshotHeader) -> String {
        header.lines.joined(separator: "\n") + "\n\n" + frame.ansiText()
    }
}

extension SnapshotDocument {
    /// The frame as an SVG picture: the reproducing command as its `<title>`, the rest of the
    /// header (parameters, statistics) as its `<desc>`.
    static func svg(frame: Frame, header: SnapshotHeader, palette: SVGPalette) -> String {
        let details = header.lines.dropFirst().map { $0.hasPrefix("# ") ? String($0.dropFirst(2)) : $0 }
        return FrameSVG(palette: palette).document(
            frame, title: header.commandLine, description: details.joined(separator: "\n"))
    }
}
