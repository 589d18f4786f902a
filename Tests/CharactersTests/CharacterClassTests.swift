import Characters
import Testing

/// The classes at the edges of their blocks, where the four copies they replace used to disagree.
@Suite struct CharacterClassTests {
    /// First and last scalar of every block counted as ideographs, and the neighbours just outside.
    @Test(arguments: [
        (0x4E00, true), (0x9FFF, true), (0x4DFF, false), (0xA000, false),   // basic block; Yijing hexagrams before it
        (0x3400, true), (0x4DBF, true), (0x33FF, false),                   // extension A; CJK compatibility before it
        (0xF900, true), (0xFAFF, true), (0xF8FF, false), (0xFB00, false),  // compatibility; private use before it
        (0x20000, true), (0x2A6DF, true), (0x2B740, true), (0x2EBE0, true), // extensions B, D, F
        (0x2F800, true), (0x2FA1D, true),                                   // compatibility supplement
        (0x30000, true), (0x31350, true), (0x323AF, true),                  // extensions G, H (plane 3)
        (0x1FFFF, false), (0x40000, false),                                 // just outside planes 2–3
        (0x3007, true), (0x3005, false), (0x3006, false),                   // 〇 is an ideograph, 々 〆 are not
        (0x2E80, false), (0x2F00, false), (0x31C0, false),                  // radicals, Kangxi radicals, strokes
        (0xE000, false), (0xF0000, false), (0x10FFFD, false),               // private use
        (0xFF10, false), (0xFF21, false), (0x3000, false), (0xFFFD, false), // full width, ideographic space
    ] as [(UInt32, Bool)])
    func ideographEdges(value: UInt32, expected: Bool) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(CharacterClass.isHan(scalar) == expected)
        // Every ideograph is also unspaced (indexed as bigrams) and wide (joined across line breaks).
        if expected {
            #expect(CharacterClass.isUnspaced(scalar))
            #expect(CharacterClass.isWide(scalar))
        }
    }

    /// Kana, Hangul and 々 are written without spaces but are not ideographs.
    @Test(arguments: [0x3042, 0x30A2, 0x30FC, 0xAC00, 0xD7A3, 0x3005] as [UInt32])
    func unspacedButNotHan(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(CharacterClass.isUnspaced(scalar))
        #expect(!CharacterClass.isHan(scalar))
    }

    @Test(arguments: [
        (0x20, true), (0x09, true), (0xA0, true), (0x3000, true), (0x2000, true), (0x2003, true), (0x200A, true),
        (0x200B, true), (0x202F, true), (0x205F, true), (0x1680, true), (0xFEFF, true),
        (0x0A, false), (0x0D, false), (0x2028, false), (0x2029, false), (0x85, false),  // line breaks
        (0x200C, false), (0x200D, false), (0x2060, false), (0xFF3F, false), (0x5F, false),
    ] as [(UInt32, Bool)])
    func spaceEdges(value: UInt32, expected: Bool) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(CharacterClass.isSpace(scalar) == expected)
    }

    /// Whitespace is Unicode's White_Space plus the zero-width space and BOM, over the whole BMP.
    @Test func whitespaceIsUnicodeWhiteSpacePlusInvisibles() {
        var wrong: [UInt32] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = scalar.properties.isWhitespace || value == 0x200B || value == 0xFEFF
            let spaceIsWhitespace = !CharacterClass.isSpace(scalar) || CharacterClass.isWhitespace(scalar)
            if CharacterClass.isWhitespace(scalar) != expected || !spaceIsWhitespace { wrong.append(value) }
        }
        #expect(wrong.isEmpty, "\(wrong.map { "U+" + String($0, radix: 16) })")
    }

    /// Surrogate code points are not scalars at all: a lone surrogate in UTF-16 input decodes to U+FFFD,
    /// which no class claims.
    @Test func surrogatesNeverReachTheClasses() {
        for value: UInt32 in [0xD800, 0xDBFF, 0xDC00, 0xDFFF] { #expect(Unicode.Scalar(value) == nil) }
        let decoded = String(decoding: [0xD800 as UInt16, 0x4E00], as: UTF16.self).unicodeScalars.map { $0 }
        #expect(decoded == ["\u{FFFD}", "\u{4E00}"])
        let replacement: Unicode.Scalar = "\u{FFFD}"
        #expect(!CharacterClass.isHan(replacement) && !CharacterClass.isSpace(replacement)
                && !CharacterClass.isUnspaced(replacement) && !CharacterClass.isASCIIAlnum(replacement))
    }

    /// Full-width digits, letters and ％ have ASCII twins; full-width punctuation and the edges around
    /// the letter runs (＠ ［ ｀ ｛) do not.
    @Test func fullWidthTwins() {
        for value in UInt32(0xFF00)...0xFFEF {
            let scalar = Unicode.Scalar(value)!
            let twin = CharacterClass.asciiTwin(ofFullWidth: scalar)
            let alnum = (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value)
                || (0xFF41...0xFF5A).contains(value)
            if alnum || value == 0xFF05 {
                #expect(twin?.value == value - 0xFEE0)
                if alnum { #expect(twin.map(CharacterClass.isASCIIAlnum) == true) }
            } else {
                #expect(twin == nil, "U+\(String(value, radix: 16))")
            }
            #expect(CharacterClass.isWide(scalar))
            #expect(CharacterClass.isFullWidthDigit(scalar) == (0xFF10...0xFF19).contains(value))
        }
        #expect(CharacterClass.asciiTwin(ofFullWidth: "，") == nil)
        #expect(CharacterClass.asciiTwin(ofFullWidth: "．") == nil)
        #expect(CharacterClass.asciiTwin(ofFullWidth: "P") == nil)
    }

    /// ASCII letters and digits exactly, over all of ASCII and Latin-1.
    @Test func asciiClasses() {
        for value in UInt32(0)...0xFF {
            let scalar = Unicode.Scalar(value)!
            let c = Character(scalar)
            #expect(CharacterClass.isASCIIDigit(scalar) == (c.isASCII && c.isNumber))
            #expect(CharacterClass.isASCIILetter(scalar) == (c.isASCII && c.isLetter))
        }
    }
}
