/// The floating-point element types a `.npy` file may hold for attnview, with their byte order.
struct NPYElementType: Equatable {
    enum Width: Int {
        case half = 2, single = 4, double = 8
    }

    let width: Width
    let bigEndian: Bool

    var byteCount: Int { width.rawValue }

    /// Reads a numpy `descr` such as `<f4`, `>f8` or `=f2`; nil for anything attnview cannot use.
    init?(descr: String) {
        let characters = Array(descr.utf8)
        guard characters.count >= 3, characters[1] == UInt8(ascii: "f") else { return nil }
        switch characters[0] {
        case UInt8(ascii: "<"): bigEndian = false
        case UInt8(ascii: ">"): bigEndian = true
        // `=` is native order and numpy reads `|f4` as native too; attnview runs on little-endian hosts.
        case UInt8(ascii: "="), UInt8(ascii: "|"): bigEndian = 0x0102.bigEndian == 0x0102
        default: return nil
        }
        switch String(decoding: characters[2...], as: UTF8.self) {
        case "2": width = .half
        case "4": width = .single
        case "8": width = .double
        default: return nil
        }
    }

    /// The element at `offset` in `raw`, widened to Double so float64 overflow can still be seen.
    func value(in raw: UnsafeRawBufferPointer, at offset: Int) -> Double {
        switch width {
        case .half:
            let bits = raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)
            return Double(NPYHalf.float(fromBits: bigEndian ? bits.byteSwapped : bits.littleEndian))
        case .single:
            let bits = raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
            return Double(Float(bitPattern: bigEndian ? UInt32(bigEndian: bits) : UInt32(littleEndian: bits)))
        case .double:
            let bits = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            return Double(bitPattern: bigEndian ? UInt64(bigEndian: bits) : UInt64(littleEndian: bits))
        }
    }
}

/// IEEE 754 binary16 decoding by hand, so the reader does not depend on the platform's `Float16`.
enum NPYHalf {
    /// The Float with the same value as the half-precision number `bits` (exact: every half fits a Float).
    static func float(fromBits bits: UInt16) -> Float {
        let sign: Float = bits & 0x8000 == 0 ? 1 : -1
        let exponent = Int((bits >> 10) & 0x1F)
        let fraction = Float(bits & 0x03FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}

/// What a `.npy` header says about the array that follows it.
struct NPYHeader {
    let elementType: NPYElementType
    /// Column-major data (numpy's `fortran_order: True`); transposed to row-major on reading.
    let fortranOrder: Bool
    let rows: Int
    let columns: Int

    var elementCount: Int { rows * columns }

    /// Interprets the parsed header dictionary; the thrown text says what is wrong in a few words.
    init(literal: NPYLiteral, maxElements: Int) throws(NPYHeaderParser.Failure) {
        guard case let .dictionary(entries) = literal else {
            throw NPYHeaderParser.Failure(reason: "header is not a dictionary")
        }
        var descr: NPYLiteral?
        var fortran: NPYLiteral?
        var shape: NPYLiteral?
        for (key, value) in entries {
            switch key {
            case "descr": descr = value
            case "fortran_order": fortran = value
            case "shape": shape = value
            default: throw NPYHeaderParser.Failure(reason: "header has an unexpected key '\(key)'")
            }
        }
        guard let descr, let fortran, let shape else {
            throw NPYHeaderParser.Failure(reason: "header lacks one of 'descr', 'fortran_order', 'shape'")
        }
        guard case let .string(typeName) = descr, let elementType = NPYElementType(descr: typeName) else {
            throw NPYHeaderParser.Failure(
                reason: "unsupported dtype \(Self.describe(descr)) (attnview reads float16, float32 and float64: "
                    + "'<f2' '<f4' '<f8' or big-endian '>f…')")
        }
        guard case let .boolean(fortranOrder) = fortran else {
            throw NPYHeaderParser.Failure(reason: "'fortran_order' is not True or False")
        }
        guard case let .tuple(dimensions) = shape else {
            throw NPYHeaderParser.Failure(reason: "'shape' is not a tuple")
        }
        var sizes: [Int] = []
        for dimension in dimensions {
            guard case let .integer(size) = dimension, size >= 0 else {
                throw NPYHeaderParser.Failure(reason: "shape \(Self.describe(shape)) has a bad dimension")
            }
            sizes.append(size)
        }
        guard sizes.count == 2 else {
            throw NPYHeaderParser.Failure(reason: "shape \(Self.describe(shape)) is not 2-D (need rows × d_k)")
        }
        guard sizes[0] > 0, sizes[1] > 0 else {
            throw NPYHeaderParser.Failure(reason: "shape \(Self.describe(shape)) is empty")
        }
        let (count, overflow) = sizes[0].multipliedReportingOverflow(by: sizes[1])
        guard !overflow, count <= maxElements else {
            throw NPYHeaderParser.Failure(
                reason: "shape \(Self.describe(shape)) is too large (at most \(maxElements) elements)")
        }
        self.elementType = elementType
        self.fortranOrder = fortranOrder
        self.rows = sizes[0]
        self.columns = sizes[1]
    }

    /// A header value as Python would print it, for error messages.
    static func describe(_ literal: NPYLiteral) -> String {
        switch literal {
        case let .string(text): "'\(text)'"
        case let .integer(number): "\(number)"
        case let .boolean(flag): flag ? "True" : "False"
        case .none: "None"
        case let .tuple(items):
            items.count == 1 ? "(\(describe(items[0])),)" : "(\(items.map(describe).joined(separator: ", ")))"
        case let .list(items): "[\(items.map(describe).joined(separator: ", "))]"
        case let .dictionary(entries):
            "{\(entries.map { "'\($0.key)': \(describe($0.value))" }.joined(separator: ", "))}"
        }
    }
}
