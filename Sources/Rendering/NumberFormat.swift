/// Number spellings for labels: fixed decimals without Foundation's locale-dependent formatting,
/// and columns whose decimal points line up.
public enum NumberFormat {
    /// `value` rounded to `decimals` places, e.g. fixed(0.0312, 3) = "0.031"; "nan"/"inf" spelled out.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let decimals = max(0, min(decimals, 9))
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return exponent(value) }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        var text = (value < 0 && units != 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let fraction = String(units % UInt64(scale))
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// Decimals that show about four significant digits of `value` (0 to `maximum`).
    public static func decimals(for value: Double, maximum: Int = 4) -> Int {
        let magnitude = abs(value)
        guard magnitude.isFinite, magnitude > 0 else { return 1 }
        var digits = 0
        var scaled = magnitude
        while scaled >= 10 {
            scaled /= 10
            digits += 1
        }
        while scaled < 1 {
            scaled *= 10
            digits -= 1
        }
        return max(0, min(maximum, 3 - digits))
    }

    /// Scientific spelling for labels like the log axis: 1e-8, 2.5e3.
    public static func exponent(_ value: Double) -> String {
        guard value != 0, value.isFinite else { return fixed(value, 0) }
        var power = 0
        var mantissa = abs(value)
        while mantissa >= 10 {
            mantissa /= 10
            power += 1
        }
        while mantissa < 1 {
            mantissa *= 10
            power -= 1
        }
        // 9.99… (as 10^-13 is stored) prints as 1e-12, not "10e-13".
        if (mantissa * 10).rounded() >= 100 {
            mantissa /= 10
            power += 1
        }
        let head = (mantissa - mantissa.rounded()).magnitude < 0.05 ? fixed(mantissa, 0) : fixed(mantissa, 1)
        return (value < 0 ? "-" : "") + head + "e" + String(power)
    }

    /// The values spelled with about four significant digits and padded so their decimal points
    /// share one column (nil gives an empty, equally wide cell).
    static func aligned(_ values: [Double?], maximumDecimals: Int = 4) -> [String] {
        let spelled = values.map { value in value.map { fixed($0, decimals(for: $0, maximum: maximumDecimals)) } }
        func split(_ text: String) -> (whole: Substring, fraction: Substring) {
            guard let dot = text.firstIndex(of: ".") else { return (text[...], "") }
            return (text[..<dot], text[dot...])
        }
        let wholeWidth = spelled.compactMap { $0.map { split($0).whole.count } }.max() ?? 0
        let fractionWidth = spelled.compactMap { $0.map { split($0).fraction.count } }.max() ?? 0
        return spelled.map { text in
            guard let text else { return String(repeating: " ", count: wholeWidth + fractionWidth) }
            let (whole, fraction) = split(text)
            return String(repeating: " ", count: wholeWidth - whole.count) + whole + fraction
                + String(repeating: " ", count: fractionWidth - fraction.count)
        }
    }

    /// `text` right-aligned in `width` cells (cut from the left if longer).
    static func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.suffix(width)) : String(repeating: " ", count: width - text.count) + text
    }

    /// Three significant digits, in exponent form below 0.001.
    static func exponentOrFixed(_ value: Double) -> String {
        abs(value) < 0.001 && value != 0 ? exponent(value) : fixed(value, decimals(for: value, maximum: 4))
    }

    /// `aligned(values)`, except that values too small for `maximumDecimals` (which would print as
    /// 0.0000) are spelled by `small` instead, their first digit in the units column: a dying
    /// gradient must not read as exactly zero.
    public static func alignedKeepingSmall(
        _ values: [Double?], maximumDecimals: Int = 4, small: (Double) -> String = { exponent($0) }
    ) -> [String] {
        var texts = aligned(values, maximumDecimals: maximumDecimals)
        let units =
            texts.compactMap { text in text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } }
            .max() ?? 1
        var limit = 1.0
        for _ in 0..<max(0, maximumDecimals - 1) { limit /= 10 }
        for (index, value) in values.enumerated() {
            guard let value, value != 0, value.isFinite, abs(value) < limit else { continue }
            texts[index] = String(repeating: " ", count: max(0, units - (value < 0 ? 2 : 1))) + small(value)
        }
        return texts
    }
}
