import AttentionCore

/// Times the renderer the way the interactive view uses it, for `scripts/bench_render.sh`:
/// a whole frame (layout, widgets, colour mapping) plus its ANSI text, repeated.
public enum RenderBenchmark {
    /// Per-frame times in milliseconds.
    public struct Report: Sendable, CustomStringConvertible {
        /// What was measured: frame size, colour depth and number of frames.
        public let width: Int
        public let height: Int
        public let depth: ColorDepth
        public let iterations: Int
        /// Median and fastest time of `render` alone.
        public let renderMedian: Double
        public let renderBest: Double
        /// Median time of renderer set-up (theme resolved for the depth) + `render` + `ansiText`.
        public let fullMedian: Double
        /// Size of one frame's ANSI text.
        public let ansiBytes: Int

        public var description: String {
            "render \(width)×\(height) \(depth.rawValue): median \(NumberFormat.fixed(renderMedian, 3)) ms, best "
                + "\(NumberFormat.fixed(renderBest, 3)) ms; with theme set-up + ANSI text: median "
                + "\(NumberFormat.fixed(fullMedian, 3)) ms (\(ansiBytes) bytes), \(iterations) frames"
        }
    }

    /// Renders `result` `iterations` times at `width` × `height` and reports the times.
    public static func run(
        result: AttentionResult, curve: [DivisorCurvePoint], keys: KeyGuide, theme: Theme = .fallback,
        depth: ColorDepth = .trueColor, width: Int = 200, height: Int = 60, iterations: Int = 200
    ) -> Report {
        let clock = ContinuousClock()
        let iterations = max(1, iterations)
        let view = ViewState(selectedRow: result.params.n / 2)
        let renderer = ScreenRenderer(theme: theme, depth: depth, keys: keys)
        var renderTimes: [Double] = [], fullTimes: [Double] = []
        var bytes = 0
        for _ in 0..<iterations {
            let start = clock.now
            let frame = renderer.render(result: result, curve: curve, view: view, width: width, height: height)
            renderTimes.append(milliseconds(clock.now - start))
            let fullStart = clock.now
            let fresh = ScreenRenderer(theme: theme, depth: depth, keys: keys)
            bytes =
                fresh.render(result: result, curve: curve, view: view, width: width, height: height).ansiText().utf8
                .count
            fullTimes.append(milliseconds(clock.now - fullStart))
            precondition(frame.width == width, "the frame has the requested width")
        }
        renderTimes.sort()
        fullTimes.sort()
        return Report(
            width: width, height: height, depth: depth, iterations: iterations,
            renderMedian: renderTimes[iterations / 2],
            renderBest: renderTimes[0], fullMedian: fullTimes[iterations / 2], ansiBytes: bytes)
    }

    /// The standard measurement `attnview bench --render` prints: generated inputs of the given
    /// shape, their divisor curve, then one report line per colour depth (truecolor, 256, none).
    public static func report(
        keys: KeyGuide, n: Int = 64, dk: Int = 64, causal: Bool = true, width: Int = 200, height: Int = 60,
        iterations: Int = 200
    ) throws(AttentionError) -> String {
        let params = AttentionParams(n: n, dk: dk, causal: causal)
        let engine = AttentionEngine()
        let result = try engine.compute(params)
        let curve = try engine.divisorCurve(params)
        let lines = [ColorDepth.trueColor, .palette256, .none].map { depth in
            "n = m = \(n), d_k = \(dk)\(causal ? ", causal" : ""): "
                + run(
                    result: result, curve: curve, keys: keys, depth: depth, width: width, height: height,
                    iterations: iterations
                )
                .description
        }
        return lines.joined(separator: "\n")
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }
}
