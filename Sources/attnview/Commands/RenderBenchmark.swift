import AttentionCore
import Rendering

/// Times the renderer the way the interactive view uses it, for `scripts/bench_render.sh`:
/// a whole frame (layout, widgets, colour mapping) plus its ANSI text, repeated.
enum RenderBenchmark {
    /// Per-frame times in milliseconds.
    struct Report: Sendable, CustomStringConvertible {
        /// What was measured: frame size, colour depth and number of frames.
        let width: Int
        let height: Int
        let depth: ColorDepth
        let iterations: Int
        /// Median and fastest time of `render` alone.
        let renderMedian: Double
        let renderBest: Double
        /// Median time of renderer set-up (theme resolved for the depth) + `render` + `ansiText`.
        let fullMedian: Double
        /// Size of one frame's ANSI text.
        let ansiBytes: Int

        var description: String {
            "render \(width)×\(height) \(depth.rawValue): median \(NumberFormat.fixed(renderMedian, 3)) ms, best "
                + "\(NumberFormat.fixed(renderBest, 3)) ms; with theme set-up + ANSI text: median "
                + "\(NumberFormat.fixed(fullMedian, 3)) ms (\(ansiBytes) bytes), \(iterations) frames"
        }
    }

    /// Renders `result` `iterations` times at `width` × `height` and reports the times.
    static func run(
        result: AttentionResult, curve: [DivisorCurvePoint], keys: ScreenKeys, theme: Theme = .fallback,
        depth: ColorDepth = .trueColor, width: Int = 200, height: Int = 60, iterations: Int = 200
    ) -> Report {
        let clock = ContinuousClock()
        let iterations = max(1, iterations)
        let view = ViewState(selectedRow: result.params.n / 2)
        let renderer = ScreenRenderer(theme: theme, depth: depth)
        var renderTimes: [Double] = [], fullTimes: [Double] = []
        var bytes = 0
        for _ in 0..<iterations {
            let start = clock.now
            let frame = renderer.render(
                result: result, curve: curve, view: view, keys: keys, width: width, height: height)
            renderTimes.append(milliseconds(clock.now - start))
            let fullStart = clock.now
            let fresh = ScreenRenderer(theme: theme, depth: depth)
            bytes =
                fresh.render(result: result, curve: curve, view: view, keys: keys, width: width, height: height)
                .ansiText().utf8.count
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
    static func report(
        keys: ScreenKeys, n: Int = 64, dk: Int = 64, causal: Bool = true, width: Int = 200, height: Int = 60,
        iterations: Int = 200
    ) throws(AttentionError) -> String {
        let params = AttentionParams(n: n, dk: dk, causal: causal)
        let engine = AttentionEngine()
        let result = try engine.compute(params)
        let curve = try engine.divisorCurve(params)
        let shape = "n = m = \(n), d_k = \(dk)\(causal ? ", causal" : ""): "
        let lines = [ColorDepth.trueColor, .palette256, .none].map { depth in
            shape
                + run(
                    result: result, curve: curve, keys: keys, depth: depth, width: width, height: height,
                    iterations: iterations
                )
                .description
        }
        let svg = svgTimes(
            result: result, curve: curve, keys: keys, width: width, height: height, iterations: iterations / 4)
        return (lines + [shape + svg]).joined(separator: "\n")
    }

    /// Median time and size of one frame's SVG document (`snapshot --format svg`), frame drawn beforehand.
    static func svgTimes(
        result: AttentionResult, curve: [DivisorCurvePoint], keys: ScreenKeys, width: Int, height: Int, iterations: Int
    ) -> String {
        let clock = ContinuousClock()
        let frame = ScreenRenderer(theme: .fallback, depth: .trueColor).render(
            result: result, curve: curve, view: ViewState(selectedRow: result.params.n / 2), keys: keys,
            width: width, height: height)
        let writer = FrameSVG(palette: SVGPalette(theme: .fallback))
        var times: [Double] = []
        var bytes = 0
        for _ in 0..<max(1, iterations) {
            let start = clock.now
            bytes = writer.document(frame, title: "attnview bench").utf8.count
            times.append(milliseconds(clock.now - start))
        }
        times.sort()
        return "svg \(width)×\(height): median \(NumberFormat.fixed(times[times.count / 2], 3)) ms, "
            + "\(bytes) bytes, \(times.count) documents"
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }
}
