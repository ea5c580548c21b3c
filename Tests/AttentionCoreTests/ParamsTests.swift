import Testing
@testable import AttentionCore

@Test func divisorFollowsPolicy() {
    #expect(AttentionParams(dk: 64).divisor == 8)
    #expect(AttentionParams(dk: 64, scale: .dk, alpha: 0.5).divisor == 32)
    #expect(AttentionParams(dk: 64, scale: .none, alpha: 2).divisor == 2)
    #expect(AttentionParams(dk: 64, scale: .fixed(3), alpha: 2).divisor == 3)
}
