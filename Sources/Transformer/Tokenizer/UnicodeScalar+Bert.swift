/// The character classes of HuggingFace's BERT normalizer and pre-tokenizer, on Unicode scalars (Python's and
/// Rust's characters).
extension Unicode.Scalar {
    /// Dropped by the cleaning step: categories Cc, Cf, Cn, Co, Cs — except tab, newline and carriage return,
    /// which count as whitespace.
    var isBertControl: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x20..<0x7F: return false
        default:
            switch properties.generalCategory {
            case .control, .format, .unassigned, .privateUse, .surrogate: return true
            default: return false
            }
        }
    }

    /// Becomes a plain space in cleaning and separates words: Unicode's White_Space property (Rust's
    /// `char::is_whitespace`), which includes tab, newline and carriage return.
    var isBertWhitespace: Bool {
        value == 0x20 || (value > 0x7F || value < 0x20) && properties.isWhitespace
    }

    /// Split off as a word of its own: the ASCII symbols 33–47, 58–64, 91–96, 123–126 and Unicode's P* categories.
    var isBertPunctuation: Bool {
        switch value {
        case 33...47, 58...64, 91...96, 123...126: return true
        case 0..<0x80: return false
        default:
            switch properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return true
            default: return false
            }
        }
    }

    /// A CJK ideograph that gets spaces around it: the code-point ranges of HuggingFace's `_is_chinese_char`
    /// (CJK Unified Ideographs and extensions A–E, compatibility ideographs and their supplement). Hangul, kana
    /// and CJK punctuation are not in them.
    var isBertChineseCharacter: Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default: return false
        }
    }

    /// Removed when accents are stripped (after NFD): category Mn.
    var isNonspacingMark: Bool {
        value >= 0x300 && properties.generalCategory == .nonspacingMark
    }
}
