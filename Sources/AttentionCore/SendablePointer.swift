/// A raw pointer that may cross into `concurrentPerform`'s closures: each chunk writes its own
/// disjoint range, which the type system cannot see.
struct SendablePointer<Element>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>?

    init(_ pointer: UnsafeMutablePointer<Element>?) {
        self.pointer = pointer
    }
}
