import AttentionCore
import Rendering

/// sysexits-style exit codes; every error the executable reports is mapped here, in one place.
enum ExitStatus: Int32 {
    case usage = 64
    case dataError = 65
    case noInput = 66
    case ioError = 74
}
