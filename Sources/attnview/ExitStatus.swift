import ArgumentParser
import AttentionCore
import Foundation
import Rendering
import TensorFiles
import Transformer

/// sysexits-style exit codes; every error the executable reports is mapped here, in one place.
enum ExitStatus: Int32 {
    case success = 0
    /// EX_USAGE: an unknown flag, a missing value, a value out of range.
    case usage = 64
    /// EX_DATAERR: an input file or theme that exists but cannot be used.
    case dataError = 65
    /// EX_NOINPUT: an input file or theme that does not exist or cannot be read.
    case noInput = 66
    /// EX_SOFTWARE: an error no one mapped; a bug, reported without a trap.
    case software = 70
    /// EX_CANTCREAT: `--output` names a file that exists and `--force` was not given, or a path
    /// that is not a regular file (a FIFO, a device, a symlink, a directory).
    case cannotCreate = 73
    /// EX_IOERR: an output file that cannot be written.
    case ioError = 74

    /// The statuses a user can meet, in the man page's EXIT STATUS section.
    static let documented: [ExitStatus] = [.success, .usage, .dataError, .noInput, .software, .cannotCreate, .ioError]

    /// What the status means, for the man page.
    var meaning: String {
        switch self {
        case .success: "Success."
        case .usage: "Usage: an unknown flag or theme name, a missing value, a value out of range, no terminal."
        case .dataError: "An input file or theme that exists but cannot be used."
        case .noInput: "An input file or theme file that does not exist or cannot be read."
        case .software: "An internal error (a bug)."
        case .cannotCreate:
            "--output names a file that exists and --force was not given, or something other than a regular file "
                + "(for export: a directory that is not new, empty or an earlier export)."
        case .ioError: "An output file that cannot be written."
        }
    }

    /// The status for `error`, whichever module threw it.
    init(for error: any Error) {
        switch error {
        case let error as AttentionError:
            switch error {
            case .outOfRange: self = .usage
            case .fileNotFound: self = .noInput
            case .badFile, .shapeMismatch, .notFinite: self = .dataError
            }
        case is FlagError:
            self = .usage
        case let error as ModelError:
            switch error.kind {
            case .missing: self = .noInput
            case .badData: self = .dataError
            case .usage: self = .usage
            }
        case let error as ThemeError:
            switch error {
            // A misspelt name is a usage error; a path that is not there is a missing input.
            case .unknownName: self = .usage
            case .missingFile: self = .noInput
            case .invalid: self = .dataError
            }
        case let error as OutputError:
            switch error {
            case .exists, .notRegularFile: self = .cannotCreate
            case .unwritable: self = .ioError
            }
        case is ExportError:
            self = .cannotCreate
        case let error as TextInputError:
            switch error {
            case .missing, .unreadable: self = .noInput
            case .notRegularFile, .tooLarge, .notUTF8: self = .dataError
            case .emptyPath: self = .usage
            }
        case is TerminalError:
            // No terminal to draw on is a matter of how attnview was invoked.
            self = .usage
        case let error as ExitCode:
            self = ExitStatus(rawValue: error.rawValue) ?? (error.isSuccess ? .success : .software)
        default:
            // Everything left is ArgumentParser's: parse errors, ValidationError, help requests.
            let code = AttnView.exitCode(for: error)
            self = code.isSuccess ? .success : code == .validationFailure ? .usage : .software
        }
    }

    /// The one line printed after `attnview: ` for `error`.
    static func message(for error: any Error) -> String {
        let text: String
        switch error {
        case let error as AttentionError: text = error.flagDescription
        case let error as FlagError: text = error.description
        case let error as ThemeError: text = error.description
        case let error as ModelError: text = error.flagDescription
        case let error as OutputError: text = error.description
        case let error as TerminalError: text = error.description
        case let error as TextInputError: text = error.description
        case let error as ExportError: text = error.description
        default:
            // ArgumentParser's messages may span lines of its own.
            text = AttnView.message(for: error).split(whereSeparator: \.isNewline).joined(separator: "; ")
        }
        // File, tensor and theme names are the user's: their control characters (a newline in a file
        // name too) are shown escaped, never taken for the message's own line breaks.
        return VisibleControls.escaped(text)
    }

    /// Prints `error` the way the executable reports every failure and exits with its status.
    /// Help and `--version` requests are printed in full by ArgumentParser instead.
    static func exit(reporting error: any Error, arguments: [String] = CommandLine.arguments) -> Never {
        let status = ExitStatus(for: error)
        if status == .success || error is CleanExit {
            // Help, completion scripts: printed here so a failed write (a full disk) is reported, not lost.
            let text = AttnView.fullMessage(for: error)
            printOrExit(text.isEmpty ? "" : text + "\n")
            Foundation.exit(AttnView.exitCode(for: error).rawValue)
        }
        var line = "attnview: \(message(for: error))"
        if let hint = hint(for: error, status: status, arguments: arguments) { line += " (see '\(hint)')" }
        var stderr = ByteSink(descriptor: STDERR_FILENO)
        stderr.write(line + "\n")
        Foundation.exit(status.rawValue)
    }

    /// Writes `text` to standard output, or reports the failed write (status 74) and exits.
    static func printOrExit(_ text: String) {
        do throws(OutputError) {
            try ByteSink.standardOutput { $0.write(text) }
        } catch {
            exit(reporting: error)
        }
    }

    /// The command that helps with `error`: the subcommand's help for ArgumentParser's own usage
    /// errors; nil where the message suffices (an unknown theme's message lists the names).
    static func hint(for error: any Error, status: ExitStatus, arguments: [String]) -> String? {
        switch error {
        case is AttentionError, is FlagError, is ThemeError, is OutputError, is TerminalError, is ModelError,
            is TextInputError, is ExportError:
            nil
        default: status == .usage ? helpCommand(arguments: arguments) : nil
        }
    }

    /// `attnview SUBCOMMAND --help` for the subcommand named on the command line.
    static func helpCommand(arguments: [String]) -> String {
        let names = AttnView.configuration.subcommands.map { $0.configuration.commandName ?? "" }
        let subcommand = arguments.dropFirst().first { names.contains($0) }
        return ["attnview", subcommand, "--help"].compactMap { $0 }.joined(separator: " ")
    }
}
