import Foundation
import Glibc
import Testing

/// The built `attnview` running in a private, detached tmux server of a known size: send keys,
/// read the screen, wait for text with a deadline. CI has no terminal; tmux makes one.
final class TmuxSession {
    /// What the shell around attnview prints once it has exited: its status and the tty's modes.
    static let exitMarker = "ATTNVIEW-EXITED"

    let socket = "attnview-test-\(UUID().uuidString.prefix(8))"
    let directory: URL

    /// The attnview executable SwiftPM built beside the test bundle.
    static var binary: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("attnview")
    }

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: binary.path) && (try? run(["tmux", "-V"])) != nil
    }

    /// Starts `attnview arguments…` in a `width` × `height` window with TERM=xterm-256color and
    /// colour on (the test runner may set NO_COLOR).
    /// `environment` (`NAME=value` words) overrides the session's, e.g. `TERM=dumb`.
    init(arguments: [String] = [], environment: [String] = [], width: Int = 120, height: Int = 40) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let command = (["env"] + environment + [Self.binary.path] + arguments).map(Self.shellQuoted).joined(
            separator: " ")
        let script = """
            trap : INT; cd \(Self.shellQuoted(directory.path)); \(command); status=$?; \
            echo "\(Self.exitMarker) status=$status \
            $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')"; \
            exec sleep 600
            """
        try tmux([
            "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
            "env -u NO_COLOR -u COLORTERM TERM=xterm-256color SWIFT_BACKTRACE=enable=no LANG=C.UTF-8 "
                + "bash -c \(Self.shellQuoted(script))",
        ])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
        // tmux leaves its socket file behind.
        let socketDirectory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(socketDirectory)/tmux-\(getuid())/\(socket)")
    }

    /// Sends tmux key names (`Right`, `q`, `S-Left`) one by one.
    func send(_ keys: String...) throws {
        try send(keys)
    }

    /// Sends tmux key names in one `send-keys`, so they arrive as one burst.
    func send(_ keys: [String]) throws {
        try tmux(["send-keys", "-t", "0"] + keys)
    }

    /// Sends raw bytes to the view, exactly as given (`send-keys -H`).
    func sendBytes(_ bytes: [UInt8]) throws {
        try tmux(["send-keys", "-t", "0", "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// The screen as plain text, trailing blanks trimmed.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0"])
    }

    /// A tmux format value of the pane, e.g. `#{alternate_on}`.
    func paneValue(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "0", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `condition` holds; fails the test with the last screen after `seconds`.
    @discardableResult
    func waitFor(
        _ what: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(20_000)
        }
        Issue.record("timed out waiting for \(what); screen:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// The process id of attnview: the child of the pane's shell.
    func attnviewProcessID() throws -> pid_t? {
        guard let shell = Int32(try paneValue("#{pane_pid}")) else { return nil }
        let entries = try FileManager.default.contentsOfDirectory(atPath: "/proc")
        for entry in entries {
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, Int32(fields[1]) == shell, stat.contains("(attnview)") { return pid }
        }
        return nil
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try Self.run(["tmux", "-L", socket, "-f", "/dev/null"] + arguments)
    }

    /// Runs a command with the default signal mask and dispositions and returns its stdout.
    /// (Test threads block most signals; a tmux server started from one would pass that mask on
    /// to attnview, which could then never see SIGTERM or SIGHUP.) The tmux server inherits the
    /// output file, so output goes to a file rather than a pipe that would never close.
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)")
            .path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = environment["TERM"] ?? "xterm-256color"
        // The same OpenBLAS kernels as this process, whose numbers the screens are checked against.
        environment.merge(CLIRunner.sameBLASKernels) { $1 }
        let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, argv, envp) == 0 else {
            throw TmuxError.failed(arguments.joined(separator: " "))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else { throw TmuxError.failed(arguments.joined(separator: " ")) }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case failed(String)
    var description: String {
        switch self {
        case .failed(let command): "command failed: \(command)"
        }
    }
}
