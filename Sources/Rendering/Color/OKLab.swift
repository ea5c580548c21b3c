import Foundation

/// A colour in Björn Ottosson's OKLab space, where straight lines and Euclidean distances match
/// perceived colour differences: ramps interpolate and the palette quantizer measures here.
public struct OKLab: Hashable, Sendable {
    /// Perceived lightness, 0 (black) … 1 (white).
    public var l: Double
    /// Green (−) … red (+).
    public var a: Double
    /// Blue (−) … yellow (+).
    public var b: Double

    /// The colour at these OKLab coordinates.
    public init(l: Double, a: Double, b: Double) {
        self.l = l
        self.a = a
        self.b = b
    }

    /// The OKLab coordinates of an sRGB colour.
    public init(_ rgb: RGB) {
        let r = OKLab.linear(rgb.r), g = OKLab.linear(rgb.g), bl = OKLab.linear(rgb.b)
        let lc = cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * bl)
        let mc = cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * bl)
        let sc = cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * bl)
        l = 0.2104542553 * lc + 0.7936177850 * mc - 0.0040720468 * sc
        a = 1.9779984951 * lc - 2.4285922050 * mc + 0.4505937099 * sc
        b = 0.0259040371 * lc + 0.7827717662 * mc - 0.8086757660 * sc
    }

    /// The nearest sRGB colour (out-of-gamut channels clipped).
    public var rgb: RGB {
        let lc = l + 0.3963377774 * a + 0.2158037573 * b
        let mc = l - 0.1055613458 * a - 0.0638541728 * b
        let sc = l - 0.0894841775 * a - 1.2914855480 * b
        let l3 = lc * lc * lc, m3 = mc * mc * mc, s3 = sc * sc * sc
        return RGB(
            OKLab.encode(4.0767416621 * l3 - 3.3077115913 * m3 + 0.2309699292 * s3),
            OKLab.encode(-1.2684380046 * l3 + 2.6097574011 * m3 - 0.3413193965 * s3),
            OKLab.encode(-0.0041960863 * l3 - 0.7034186147 * m3 + 1.7076147010 * s3))
    }

    /// The point a fraction `t` of the way from `self` to `other`.
    public func mix(_ other: OKLab, _ t: Double) -> OKLab {
        OKLab(l: l + (other.l - l) * t, a: a + (other.a - a) * t, b: b + (other.b - b) * t)
    }

    /// Squared Euclidean distance: enough to rank candidates, no square root needed.
    func distanceSquared(to other: OKLab) -> Double {
        let dl = l - other.l, da = a - other.a, db = b - other.b
        return dl * dl + da * da + db * db
    }

    /// sRGB channel byte → linear light.
    static func linear(_ channel: UInt8) -> Double {
        let c = Double(channel) / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }

    /// Linear light → sRGB channel byte, rounded and clipped.
    static func encode(_ linear: Double) -> UInt8 {
        let c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * pow(max(linear, 0), 1 / 2.4) - 0.055
        return UInt8(max(0, min(255, (c * 255).rounded())))
    }
}
