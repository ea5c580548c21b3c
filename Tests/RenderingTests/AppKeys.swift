import Rendering

@testable import attnview

extension KeyGuide {
    /// The interactive view's key table as the renderer gets it.
    static let app = KeyTable.standard.guide
}
