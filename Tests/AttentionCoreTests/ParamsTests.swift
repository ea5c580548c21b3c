import Testing

@testable import AttentionCore

@Test func divisorFollowsPolicy() {
    #expect(AttentionParams(dk: 64).divisor == 8)
    #expect(AttentionParams(dk: 64, scale: .dk, alpha: 0.5).divisor == 32)
    #expect(AttentionParams(dk: 64, scale: .none, alpha: 2).divisor == 2)
    #expect(AttentionParams(dk: 64, scale: .fixed(3), alpha: 2).divisor == 3)
}

@Test func defaultParamsAreValid() throws {
    try AttentionParams().validate()
    try AttentionParams(n: 4096, m: 1, dk: 65536, sigma: 1e3, rho: 0.999, scale: .dk, alpha: 15).validate()
}

@Test(arguments: [
    (AttentionParams(n: 0), AttentionParameter.n),
    (AttentionParams(n: 4097), .n),
    (AttentionParams(m: 0), .m),
    (AttentionParams(dk: 0), .dk),
    (AttentionParams(dk: 65537), .dk),
    (AttentionParams(sigma: 0), .sigma),
    (AttentionParams(sigma: -1), .sigma),
    (AttentionParams(sigma: .nan), .sigma),
    (AttentionParams(sigma: 1e4), .sigma),
    (AttentionParams(rho: 1), .rho),
    (AttentionParams(rho: -0.1), .rho),
    (AttentionParams(alpha: 0), .alpha),
    (AttentionParams(alpha: .infinity), .alpha),
    (AttentionParams(dk: 65536, scale: .dk, alpha: 100), .alpha),
    (AttentionParams(scale: .none, alpha: 1e-7), .alpha),
    (AttentionParams(scale: .fixed(0)), .scale),
    (AttentionParams(scale: .fixed(2e6)), .scale),
])
func outOfRangeParamsNameTheirParameter(params: AttentionParams, parameter: AttentionParameter) {
    #expect {
        try params.validate()
    } throws: { error in
        guard case .outOfRange(let thrown, _, _) = error as? AttentionError else { return false }
        return thrown == parameter
    }
}

@Test func fileInputsResolveDkLater() throws {
    try AttentionParams(dk: AttentionParams.allFileColumns, source: .files(q: "q.npy", k: "k.npy")).validate()
    let tinyAlpha = AttentionParams(
        dk: AttentionParams.allFileColumns, scale: .dk, alpha: 1e-11, source: .files(q: "q", k: "k"))
    try tinyAlpha.validate()
}

@Test func regimeThresholds() {
    #expect(Regime(maxWeightMean: 0.5, entropyNormalizedMean: 0.99) == .peaked)
    #expect(Regime(maxWeightMean: 0.49, entropyNormalizedMean: 0.95) == .flat)
    #expect(Regime(maxWeightMean: 0.2, entropyNormalizedMean: 0.9) == .balanced)
}
