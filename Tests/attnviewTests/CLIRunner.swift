import Foundation

/// Runs the built `attnview` binary as a user would, capturing its output and exit status.
struct CLIRunner {
    struct Outcome {
        let status: Int32
        let stdout: Data
        let stderr: String

        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The binary beside the test bundle: SwiftPM builds both into the same products directory.
    static let executable: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("attnview")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return bundle.deletingLastPathComponent().appendingPathComponent("attnview")
    }()

    /// Fixtures of the core's tests, read here by path: the CLI must name exactly this file.
    static let npyFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TensorFilesTests/Fixtures/npy")

    /// OPENBLAS_CORETYPE for the kernels this process runs on, so the binary's numbers are this
    /// process' to the last bit (the binary would otherwise pick its own, see `BLASKernels`): every
    /// run gets it unless `environment` says otherwise.
    static let sameBLASKernels: [String: String] = {
        typealias Name = @convention(c) () -> UnsafeMutablePointer<CChar>?
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "openblas_get_corename"),
            let name = unsafeBitCast(symbol, to: Name.self)()
        else { return [:] }
        return ["OPENBLAS_CORETYPE": String(cString: name)]
    }()

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged["SWIFT_BACKTRACE"] = "enable=no"
        merged.removeValue(forKey: "NO_COLOR")
        merged.merge(sameBLASKernels) { $1 }
        merged.merge(environment) { $1 }
        process.environment = merged
        // stdout goes to a file, so a large JSON cannot fill a pipe and stall the process.
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent(
            "attnview-out-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let out = try FileHandle(forWritingTo: outputURL), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try out.close()
        let stdoutData = try Data(contentsOf: outputURL)
        return Outcome(
            status: process.terminationStatus, stdout: stdoutData, stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

/// A fresh directory for files a test writes, removed by `remove()`.
struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("attnview-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
