import AttentionCore
import Dispatch
import Foundation
import Transformer

/// `attnview bench --model`: times loading a model, running the encoder on a text, and switching
/// the head on screen (what a layer or head key costs in the view), in-process.
struct ModelBenchmark {
    let model: String
    let text: String
    let repeats: Int

    /// The report, one timing per line: median and fastest wall ms, median process CPU ms (all
    /// threads: on a loaded machine wall time follows the load, CPU time much less), then what was timed.
    func run() throws -> [String] {
        let environment = ProcessInfo.processInfo.environment
        var lines: [String] = []
        let folder = try ModelFolder.resolve(model, environment: environment)
        var loaded: BertModel?
        lines.append(time("load (config, vocab, mmap + check weights)") { loaded = try BertModel(folder: folder) })
        guard let bert = loaded else { return lines }
        var encoding: BertModel.Encoding?
        lines.append(time("tokenize + encoder (every layer's Q and K)") { encoding = try bert.encode(text) })
        let labels = ModelHead(
            model: model, text: text, tokens: encoding?.tokens ?? [], layer: 0, head: 0, layers: bert.config.layers,
            heads: bert.config.heads)
        let run = try ModelRun(labels: labels, environment: environment)
        let engine = AttentionEngine(inputs: FixedInputs.provider(model: run))
        var params = AttentionParams(dk: AttentionParams.allFileColumns, source: .model(run.labels))
        _ = try engine.compute(params)
        var next = 0
        let heads = bert.config.layers * bert.config.heads
        lines.append(
            time("switch layer/head (slice Q, K + QKᵀ + softmax + stats + histograms + divisor curve)") {
                next = (next + 1) % heads
                params.source = .model(run.labels(layer: next / bert.config.heads, head: next % bert.config.heads))
                _ = try engine.divisorCurve(try engine.compute(params).params)
            })
        var alpha = 1.0
        lines.append(
            time("encoder again with every divisor × a new alpha (the toggle)") {
                alpha = alpha >= 2 ? 0.5 : alpha * 1.19
                _ = try bert.encode(text, alpha: alpha)
            })
        var keyAlpha = 1.0
        var layers: [Double]?
        lines.append(
            time("a divisor key with A on (encoder, 72 head summaries, the head, its curve)") {
                keyAlpha = keyAlpha >= 2 ? 0.5 : keyAlpha * 1.19
                let changed = try run.running(alpha: keyAlpha)
                let summary = EffectRunner.everywhere(changed, trained: run, factor: keyAlpha, trainedLayers: layers)
                layers = summary.trainedLayerEntropy
                let shown = AttentionEngine(inputs: FixedInputs.provider(model: changed))
                var keyParams = params
                keyParams.alpha = keyAlpha
                _ = try shown.divisorCurve(try shown.compute(keyParams).params)
            })
        let all = run.allHeads, n = run.labels.tokens.count
        var pair = 0
        lines.append(
            time("weight from one token to another in every head, ranked") {
                pair = (pair + 1) % (n * n)
                let weights = all.flatMap { $0 }.map { $0.weight(from: pair / n, to: pair % n, params: params) }
                _ = HeadRanking.order(weights, descending: true)
            })
        lines.append("tokens: \(encoding?.tokens.count ?? 0)")
        return lines
    }

    private func time(_ label: String, body: () throws -> Void) -> String {
        var times: [Double] = [], cpu: [Double] = []
        do {
            for _ in 0..<repeats {
                let start = DispatchTime.now().uptimeNanoseconds
                let startCPU = Self.processCPUMilliseconds()
                try body()
                cpu.append(Self.processCPUMilliseconds() - startCPU)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
        } catch {
            return "\(label): failed: \(error)"
        }
        times.sort()
        cpu.sort()
        return String(format: "%8.3f %8.3f %8.3f  %@", times[times.count / 2], times[0], cpu[cpu.count / 2], label)
    }

    private static func processCPUMilliseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) * 1e3 + Double(now.tv_nsec) / 1e6
    }
}
