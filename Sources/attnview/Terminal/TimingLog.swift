import Foundation
import Glibc

/// Per-frame timings appended to the file named by ATTNVIEW_TIMING, for scripts/bench_keys.sh:
/// one line per handled batch of keys, so a benchmark can read real in-process figures.
final class TimingLog {
    private let file: UnsafeMutablePointer<FILE>

    /// The log named by ATTNVIEW_TIMING, or nil when it is unset or cannot be opened.
    init?(environmentVariable: String = "ATTNVIEW_TIMING") {
        guard let path = getenv(environmentVariable), path.pointee != 0, let file = fopen(path, "a") else { return nil }
        setvbuf(file, nil, _IOLBF, 0)
        self.file = file
    }

    deinit { fclose(file) }

    /// Records one batch: how many keys, and milliseconds spent computing, rendering and presenting.
    func record(keys: Int, dk: Int, n: Int, compute: Duration, render: Duration, present: Duration) {
        func ms(_ duration: Duration) -> String {
            let (seconds, attoseconds) = duration.components
            return String(format: "%.3f", Double(seconds) * 1e3 + Double(attoseconds) / 1e15)
        }
        let total = compute + render + present
        let line =
            "keys=\(keys) dk=\(dk) n=\(n) compute_ms=\(ms(compute)) render_ms=\(ms(render)) "
            + "present_ms=\(ms(present)) total_ms=\(ms(total))\n"
        fputs(line, file)
    }
}
