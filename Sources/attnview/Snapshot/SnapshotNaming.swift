import AttentionCore
import Foundation

/// Names for snapshots saved from the view: when and what, e.g. `attnview-20261124-153012-dk64-sqrt`.
enum SnapshotNaming {
    /// The name without extension or suffix for `params` saved at `date` (in `timeZone`); the split
    /// view of `b` (`compare`) ends in `-compare`.
    static func stem(params: AttentionParams, date: Date, timeZone: TimeZone = .current, compare: Bool = false)
        -> String
    {
        let stamp = stamp(date, timeZone: timeZone)
        // A source with a tag (a model's head) is named by it; the header holds d_k and the rest.
        let what = params.source.describing.fileTag ?? "dk\(params.dk)"
        return "attnview-\(stamp)-\(what)-\(divisorLabel(params))" + (compare ? "-compare" : "")
    }

    /// The name of a snapshot of the training lab at `step`, e.g. `attnview-20261124-153012-lab-dk256-step120`.
    static func labStem(_ lab: LabState, step: Int, date: Date, timeZone: TimeZone = .current) -> String {
        "attnview-\(stamp(date, timeZone: timeZone))-lab-dk\(lab.dk)-step\(step)"
    }

    /// `20261124-153012`: the date in `timeZone`, to the second.
    private static func stamp(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02d-%02d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// `stem`, then `stem-2`, `stem-3`, …: the candidates tried until a free name is found.
    static func candidates(stem: String, count: Int = 100) -> [String] {
        [stem] + (2...max(2, count)).map { "\(stem)-\($0)" }
    }

    /// The policy, plus alpha when it is not 1: `sqrt`, `dk-a0.5`, `none`, `s12.5`.
    static func divisorLabel(_ params: AttentionParams) -> String {
        switch params.scale {
        case .fixed(let value): return "s" + String(format: "%g", value)
        case .sqrtDk, .dk, .none:
            return params.alpha == 1
                ? params.scale.name : params.scale.name + "-a" + String(format: "%.3g", params.alpha)
        }
    }
}
