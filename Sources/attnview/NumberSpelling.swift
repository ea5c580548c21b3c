extension Double {
    /// The shortest spelling that reads back as the same number, `8` rather than `8.0`: what
    /// command lines in snapshot headers and CSV cells show.
    var shortestSpelling: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return "\(self)"
    }
}
