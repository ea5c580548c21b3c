import AttentionCore
import TensorFiles

/// The `snapshot --format json` document (and what the view's `S` saves beside its picture): params
/// (with the resolved divisor), stats, logits and attention (row-major, masked entries null) and
/// histograms.
extension AttentionResult {
    /// The document handed to `sink` in pieces of about 64 KB, so a caller that streams it to a file
    /// never holds the whole text (hundreds of MB at n = m = 4096). Written with a fixed key order, so
    /// identical inputs give identical bytes. With `baseline` (`snapshot --compare`) a
    /// `baseline: {divisor, stats}` object follows `stats`.
    func writeSnapshotJSON(baseline: AttentionResult? = nil, to sink: (UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var json = JSONByteWriter(flushingInto: sink)
            json.raw("{\n  \"params\": ")
            writeParams(to: &json)
            if let tokens = params.source.describing.tokenLabels {
                // The row and column labels: token strings as the tokenizer writes them.
                json.raw(",\n  \"tokens\": ")
                json.strings(tokens)
            }
            json.raw(",\n  \"stats\": ")
            json.statistics(stats)
            if let baseline {
                json.raw(",\n  \"baseline\": {")
                json.key("divisor", first: true)
                json.number(baseline.divisor)
                json.key("stats")
                json.statistics(baseline.stats)
                json.raw("}")
            }
            json.raw(",\n  \"logits\": ")
            writeMatrix(logits, to: &json)
            json.raw(",\n  \"attention\": ")
            writeMatrix(weights, to: &json)
            json.raw(",\n  \"histograms\": {\n    \"logits\": ")
            writeHistogram(logitHistogram, to: &json) { json in
                // The iid theory's normal curve as expected counts per bin, for an overlay.
                json.key("expected_std")
                json.number(stats.logitStdExpected)
                json.key("theory_counts")
                if let curve = logitTheoryCurve(for: logitHistogram) {
                    json.raw("[")
                    for (index, value) in curve.enumerated() {
                        if index > 0 { json.raw(", ") }
                        json.number(value)
                    }
                    json.raw("]")
                } else {
                    json.raw("null")
                }
            }
            json.raw(",\n    \"weights\": ")
            writeHistogram(weightHistogram, to: &json) { json in
                // Where a perfectly flat row's weights land: the marker of the weight histogram.
                json.key("uniform_weight")
                json.number(1 / Double(params.m))
            }
            json.raw("\n  }\n}\n")
            json.flush()
        }
    }

    private func writeParams(to json: inout JSONByteWriter) {
        json.raw("{")
        json.members(of: params, [.n, .m, .dk, .seed, .sigma, .rho, .scale, .alpha], first: true)
        json.key("divisor")
        json.number(divisor)
        json.members(of: params, [.causal])
        let source = params.source.describing
        json.key("source")
        json.string(source.kind)
        for (key, value) in source.jsonFields {
            json.key(key)
            switch value {
            case .text(let text): json.string(text)
            case .integer(let integer): json.integer(integer)
            case .number(let number): json.number(number)
            case .null: json.raw("null")
            }
        }
        json.raw("}")
    }

    /// One row per line; masked entries (and anything not finite) are null.
    private func writeMatrix(_ matrix: Matrix, to json: inout JSONByteWriter) {
        json.raw("[")
        for row in 0..<matrix.rows {
            json.raw(row == 0 ? "\n    [" : ",\n    [")
            let visible = visibleKeys(row: row)
            for column in 0..<matrix.cols {
                if column > 0 { json.raw(", ") }
                let value = matrix[row, column]
                if visible.contains(column), value.isFinite {
                    json.float(value)
                } else {
                    json.raw("null")
                }
            }
            json.raw("]")
        }
        json.raw(matrix.rows == 0 ? "]" : "\n  ]")
    }

    private func writeHistogram(
        _ histogram: Histogram, to json: inout JSONByteWriter, extra: (inout JSONByteWriter) -> Void
    ) {
        json.raw("{")
        json.key("axis", first: true)
        json.string(histogram.log10Axis ? "log10" : "linear")
        json.key("lower")
        json.number(histogram.lower)
        json.key("upper")
        json.number(histogram.upper)
        json.key("edges")
        json.raw("[")
        for index in 0...histogram.counts.count {
            if index > 0 { json.raw(", ") }
            json.number(histogram.lower + Double(index) * histogram.binWidth)
        }
        json.raw("]")
        json.key("counts")
        json.raw("[")
        for (index, count) in histogram.counts.enumerated() {
            if index > 0 { json.raw(", ") }
            json.integer(count)
        }
        json.raw("]")
        json.key("underflow")
        json.integer(histogram.underflow)
        json.key("overflow")
        json.integer(histogram.overflow)
        extra(&json)
        json.raw("}")
    }
}
