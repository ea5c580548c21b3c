/// The character classes of HuggingFace's BERT normalizer and pre-tokenizer, on Unicode scalars (Python's and
/// Rust's characters).
extension Unicode.Scalar {
    /// Dropped by the cleaning step: categories Cc, Cf, Co, Cs — except tab, newline and carriage return, which
    /// count as whitespace. Unassigned code points (Cn) stay, as in HuggingFace `tokenizers` (the Python-only
    /// tokenizer of transformers < 5 dropped them).
    var isBertControl: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x20..<0x7F: return false
        default:
            switch properties.generalCategory {
            case .control, .format, .privateUse, .surrogate: return isInHuggingFaceTables
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
        // Punctuation in Unicode 8.0, since recategorised: CANADIAN SYLLABICS CHI SIGN (now So), SHARADA SANDHI
        // MARK (now Mn).
        case 0x166D, 0x111C9: return true
        default:
            switch properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return isInHuggingFaceTables
            default: return false
            }
        }
    }

    /// A CJK ideograph that gets spaces around it: the code-point ranges of HuggingFace `tokenizers`' BERT
    /// normalizer (CJK Unified Ideographs and extensions A–E, compatibility ideographs and their supplement), whose
    /// extension E starts at U+2B920 where the Python tokenizer had U+2B820. Hangul, kana and CJK punctuation are
    /// not in them.
    var isBertChineseCharacter: Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default: return false
        }
    }

    /// Removed when accents are stripped (after NFD): category Mn, as Unicode 8.0 had it.
    var isNonspacingMark: Bool {
        switch value {
        case 0..<0x300: return false
        // Mn in Unicode 8.0, Mc now: HANUNOO SIGN PAMUDPOD, AHOM CONSONANT SIGN MEDIAL RA.
        case 0x1734, 0x1171E: return true
        // Not Mn in Unicode 8.0: MONGOLIAN LETTER ALI GALI BALUDA and THREE BALUDA (Lo), JAVANESE VOWEL SIGN
        // KERET (Mc), SHARADA SANDHI MARK (Po).
        case 0x1885, 0x1886, 0xA9BD, 0x111C9: return false
        default: return properties.generalCategory == .nonspacingMark && isInHuggingFaceTables
        }
    }

    /// Has a canonical decomposition in Swift's Unicode but none in HuggingFace's normalization tables:
    /// DIVES AKURU VOWEL SIGN O (Unicode 13.0).
    var isDecomposedOnlyInNewerUnicode: Bool { value == 0x11938 }

    /// HuggingFace `tokenizers` takes categories from Unicode 8.0 tables (the `unicode_categories` crate): a
    /// character assigned later is no control, punctuation or mark to it, so the tokens stay the model's.
    private var isInHuggingFaceTables: Bool {
        guard let age = properties.age else { return false }
        return (age.major, age.minor) <= (8, 0)
    }
}
