/// The cosine similarity of two vectors of one length, summed in Double: how sentence embeddings are
/// compared. Nil when either vector is zero (or not finite), where the cosine means nothing.
public func cosineSimilarity(_ a: [Float], _ b: [Float]) -> Double? {
    precondition(a.count == b.count, "vectors of one length")
    var dot = 0.0, aa = 0.0, bb = 0.0
    for index in a.indices {
        let x = Double(a[index]), y = Double(b[index])
        dot += x * y
        aa += x * x
        bb += y * y
    }
    let cosine = dot / (aa * bb).squareRoot()
    return cosine.isFinite && aa > 0 && bb > 0 ? min(1, max(-1, cosine)) : nil
}
