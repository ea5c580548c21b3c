import AttentionCore
import Foundation

/// The `sweep --format json` document: the shared parameters under `base` (n, m, seed, sigma, rho,
/// alpha, causal), then `{"rows": [{dk, scale, divisor, trials, stats}, …]}` with stats under the
/// same keys as a snapshot's.
enum SweepJSON {
    static func data(_ rows: [SweepRow], base: AttentionParams) -> Data {
        JSONByteWriter.document { json in
            json.raw("{\n  \"base\": {")
            json.members(of: base, [.n, .m, .seed, .sigma, .rho, .alpha, .causal], first: true)
            json.raw("},\n  ")
            json.rows(rows) { json, _, row in
                json.key("dk", first: true)
                json.integer(row.dk)
                json.key("scale")
                json.string(row.scale.name)
                json.key("divisor")
                json.number(row.divisor)
                json.key("trials")
                json.integer(row.trials)
                json.key("stats")
                json.statistics(row.stats)
            }
        }
    }
}
