import Foundation

/// A one-line progress report on stderr that appears only on a terminal and only once the work
/// has taken longer than `delay`, so quick runs and pipes stay silent.
struct ProgressLine {
    private let label: String
    private var output: ByteSink
    private let enabled: Bool
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let delay: Duration
    private var lastDraw: ContinuousClock.Instant?

    /// A report on `descriptor`, enabled by default only when that descriptor is a terminal.
    init(label: String, delay: Duration = .milliseconds(300), descriptor: Int32 = STDERR_FILENO, enabled: Bool? = nil) {
        self.label = label
        output = ByteSink(descriptor: descriptor)
        self.enabled = enabled ?? (isatty(descriptor) == 1)
        self.delay = delay
        start = clock.now
    }

    /// Redraws the line for `fraction` done, at most ten times a second.
    mutating func update(_ fraction: Double) {
        let now = clock.now
        guard enabled, now - start >= delay else { return }
        if let lastDraw, now - lastDraw < .milliseconds(100) { return }
        lastDraw = now
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        output.write("\r\(label) \(percent)%\u{1B}[K")
    }

    /// Erases the line, if one was drawn, so the terminal is left as it was.
    mutating func finish() {
        guard lastDraw != nil else { return }
        output.write("\r\u{1B}[K")
    }
}
