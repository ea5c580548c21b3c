import Foundation

/// A one-line progress report on stderr that appears only on a terminal and only once the work
/// has taken longer than `delay`, so quick runs and pipes stay silent.
struct ProgressLine {
    private let label: String
    private let enabled: Bool
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let delay: Duration
    private var lastDraw: ContinuousClock.Instant?

    init(label: String, delay: Duration = .milliseconds(300), enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.enabled = enabled
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
        var stderr = ByteSink(descriptor: STDERR_FILENO)
        stderr.write("\r\(label) \(percent)%\u{1B}[K")
    }

    /// Erases the line, if one was drawn, so the terminal is left as it was.
    func finish() {
        guard lastDraw != nil else { return }
        var stderr = ByteSink(descriptor: STDERR_FILENO)
        stderr.write("\r\u{1B}[K")
    }
}
