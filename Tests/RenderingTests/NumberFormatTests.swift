import Foundation
import Testing

@testable import Rendering

@Test func fixedRoundsWithoutLocale() {
    #expect(NumberFormat.fixed(0.03125, 3) == "0.031")
    #expect(NumberFormat.fixed(-1.5, 0) == "-2")
    #expect(NumberFormat.fixed(-0.0001, 2) == "0.00")
    #expect(NumberFormat.fixed(12, 2) == "12.00")
    #expect(NumberFormat.fixed(.infinity, 2) == "inf")
    #expect(NumberFormat.fixed(.nan, 2) == "nan")
}

@Test func alignedColumnsShareTheDecimalPoint() {
    let column = NumberFormat.aligned([0.012, 1.027, 39.8, nil, 0.00012])
    let points = column.compactMap { text in
        text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) }
    }
    #expect(Set(points).count == 1)
    #expect(Set(column.map(\.count)).count == 1)
    #expect(column[2].trimmingWhitespace() == "39.80")
    #expect(column[3].trimmingWhitespace().isEmpty)
}

@Test func exponentSpellsLogAxisLabels() {
    #expect(NumberFormat.exponent(1e-8) == "1e-8")
    #expect(NumberFormat.exponent(2500) == "2.5e3")
    #expect(NumberFormat.exponent(pow(10, -13)) == "1e-13", "a mantissa of 9.99… rounds up a decade")
    #expect(NumberFormat.exponent(0.0999999) == "1e-1")
}

@Test func smallValuesKeepTheirDigitsInsteadOfReadingAsZero() {
    let texts = NumberFormat.alignedKeepingSmall([0.3420, 8.297e-8, 3.955, 0, nil])
    #expect(texts[0] == "0.3420")
    #expect(texts[1] == "8.3e-8")
    #expect(texts[2] == "3.9550" || texts[2] == "3.955 ")
    #expect(texts[3].trimmingCharacters(in: .whitespaces) == "0.0")
    #expect(NumberFormat.aligned([8.297e-8])[0] == "0.0000", "what the plain alignment would have shown")
}
