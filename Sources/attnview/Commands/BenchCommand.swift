import ArgumentParser
import AttentionCore
import Dispatch
import Rendering
import TensorFiles

#if canImport(Glibc)
    import Glibc
#endif

/// `attnview bench`: times the core's computations in-process (scripts/bench_core.sh runs it
/// beside numpy). Hidden: it is a tool for contributors, not users.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Time the core computation (for scripts/bench_core.sh).", shouldDisplay: false)

    @Option(parsing: .unconditional, help: "Queries and keys (n = m).")
    var n: Int = 256

    @Option(parsing: .unconditional, help: "Key/query dimension d_k.")
    var dk: Int = 4096

    @Option(parsing: .unconditional, help: "Timed runs per measurement; the median is printed.")
    var repeats: Int = 21

    @Flag(help: "Causal mask.")
    var causal = false

    @Flag(help: "Time the renderer instead (scripts/bench_render.sh): full frames at --width × --height.")
    var render = false

    @Option(parsing: .unconditional, help: "Frame width for --render.")
    var width: Int = 200

    @Option(parsing: .unconditional, help: "Frame height for --render.")
    var height: Int = 60

    @Flag(
        help: "Time the heads grid instead: every head's summary of a 6 × 12-head model (d_head 32) at --n tokens.")
    var grid = false

    @Option(help: "Time a model instead (scripts/bench_model.sh): load, encoder, layer/head switch.")
    var model: String?

    @Option(
        help: ArgumentHelp("The text for --model; @FILE reads a file, - standard input.", valueName: "text|@file|-"))
    var text: String = ModelOptions.defaultText

    func validate() throws {
        guard Limits.tokens.contains(n) else { throw ValidationError("--n must be within 1–4096") }
        guard Limits.dk.contains(dk), dk >= 2 else { throw ValidationError("--dk must be within 2–65536") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() throws {
        if render {
            print(
                try RenderBenchmark.report(
                    keys: KeyTable.standard.screen(in: .view, for: .generated), n: n, dk: dk, causal: causal,
                    width: width, height: height))
            return
        }
        if grid {
            reportGrid()
            return
        }
        if let model {
            for line in try ModelBenchmark(model: model, text: try TextArgument.resolve(text), repeats: repeats).run() {
                print(line)
            }
            print(String(format: "peak RSS: %.1f MB", Self.peakResidentMegabytes()))
            return
        }
        let params = AttentionParams(n: n, dk: dk, causal: causal)
        let engine = AttentionEngine()
        print(
            "attnview bench: n = m = \(n), d_k = \(dk), causal = \(causal), \(repeats) repeats (median and fastest ms)")
        var seed: UInt64 = 1
        report("new seed (generate Q, K + full compute)") {
            var fresh = params
            fresh.seed = seed
            seed += 1
            _ = try AttentionEngine().compute(fresh)
        }
        _ = try engine.compute(params)
        report("full compute, cached inputs (QKᵀ + softmax + stats + histograms)") {
            engine.discardDotProducts()
            _ = try engine.compute(params)
        }
        var alpha = params
        report("divisor-only change (no matmul)") {
            alpha.alpha = alpha.alpha == 1 ? 1.19 : 1
            _ = try engine.compute(alpha)
        }
        var half = params
        half.dk = dk / 2
        report(
            "d_k doubling \(dk / 2) → \(dk) (adds the new dims only)",
            prepare: {
                engine.discardDotProducts()
                _ = try engine.compute(half)
            },
            body: { _ = try engine.compute(params) }
        )
        report("divisor curve (\(AttentionEngine.curvePoints) points, cached QKᵀ)") {
            _ = try engine.divisorCurve(params)
        }
        print(String(format: "peak RSS: %.1f MB", Self.peakResidentMegabytes()))
    }

    /// The heads grid of a MiniLM-sized model (6 layers × 12 heads, d_head 32) on generated Q and
    /// K: what opening the grid, or a divisor key while it is open, computes.
    private func reportGrid() {
        let layers = 6, heads = 12, headWidth = 32
        print("attnview bench --grid: \(layers) × \(heads) heads, n = \(n), d_head = \(headWidth), \(repeats) repeats")
        var generator = SystemRandomNumberGenerator()
        func matrix() -> Matrix {
            Matrix(
                rows: n, cols: headWidth,
                values: (0..<(n * headWidth)).map { _ in Float.random(in: -2...2, using: &generator) })
        }
        let inputs = (0..<layers).map { _ in (0..<heads).map { _ in HeadInputs(queries: matrix(), keys: matrix()) } }
        var params = AttentionParams(n: n, dk: headWidth, causal: causal)
        report("heads grid: every head's summary at the current divisor") {
            params.alpha = params.alpha == 1 ? 1.19 : 1
            _ = HeadSummary.summaries(of: inputs, params: params)
        }
    }

    /// Runs `body` `repeats` times after one warm-up, with `prepare` untimed before each run.
    private func report(_ label: String, prepare: () throws -> Void = {}, body: () throws -> Void) {
        var times: [Double] = []
        do {
            try prepare()
            try body()
            for _ in 0..<repeats {
                try prepare()
                let start = DispatchTime.now().uptimeNanoseconds
                try body()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
        } catch {
            print("\(label): failed: \(error)")
            return
        }
        times.sort()
        print(String(format: "%8.3f %8.3f  %@", times[times.count / 2], times[0], label))
    }

    /// The process' peak resident set size (getrusage reports kilobytes on Linux).
    private static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
