import ReportModel

/// Turns a file's bytes into text: finds the encoding (BOM, UTF-8, UTF-16, GB18030), refuses
/// binary data, and ends every line with `\n`.
public struct TextDecoder: Sendable {
    public init() {}

    public func decode(_ bytes: [UInt8]) throws(DecodeError) -> DecodedText {
        guard !bytes.isEmpty else { throw .empty }
        if let binary = BinaryMagic.match(bytes) { throw .binary("magic number of \(binary)") }
        var decoded = try decodeText(bytes)
        decoded.text = Self.unifyLineEnds(decoded.text)
        try Self.rejectControlHeavy(&decoded)
        return decoded
    }

    /// GB18030 (also GBK and GB2312) bytes as text, or nil when they are not valid GB18030.
    public static func gb18030(_ bytes: [UInt8]) -> String? { GB18030.decode(bytes) }

    func decodeText(_ bytes: [UInt8]) throws(DecodeError) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(bytes.dropFirst(3))
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try utf16(bytes.dropFirst(2), littleEndian: true)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try utf16(bytes.dropFirst(2), littleEndian: false)
        }
        let invalid = UTF8Validation.invalidSequences(bytes, limit: 64)
        if invalid.count == 0 {
            return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8)
        }
        // A text cut off mid-character: valid but for its last bytes.
        if invalid.count == 1, invalid.firstOffset >= bytes.count - 3 {
            var d = DecodedText(text: String(decoding: bytes[..<invalid.firstOffset], as: UTF8.self), encoding: .utf8)
            d.warnings.append("dropped a character cut off at the end of the file")
            return d
        }
        if let nulRatio = Self.alternatingNULs(bytes) {
            return try utf16(bytes[...], littleEndian: nulRatio)
        }
        if let text = GB18030.decode(bytes), TextShape.looksLikeText(text) {
            var d = DecodedText(text: text, encoding: .gb18030)
            d.warnings.append("encoding detected as gb18030")
            return d
        }
        // Mostly UTF-8 with a few bad bytes: keep the text, say so.
        if invalid.count <= max(1, bytes.count / 20_000) {
            var d = DecodedText(text: String(decoding: bytes, as: UTF8.self).replacing("\u{FFFD}", with: ""), encoding: .utf8)
            d.warnings.append("dropped \(invalid.count) invalid UTF-8 sequence(s)")
            return d
        }
        if bytes.contains(0) { throw .binary("NUL bytes and no known text encoding") }
        throw .undecodable
    }

    func utf8(_ bytes: ArraySlice<UInt8>) -> DecodedText {
        var d = DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8)
        if d.text.contains("\u{FFFD}") && !bytes.isEmpty {
            d.text = d.text.replacing("\u{FFFD}", with: "")
            d.warnings.append("dropped invalid UTF-8 sequences")
        }
        return d
    }

    func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) throws(DecodeError) -> DecodedText {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var warnings: [String] = []
        if bytes.count % 2 == 1 { warnings.append("dropped an odd trailing byte of UTF-16 text") }
        var text = String(decoding: units, as: UTF16.self)
        if text.contains("\u{FFFD}") {
            text = text.replacing("\u{FFFD}", with: "")
            warnings.append("dropped unpaired UTF-16 surrogates")
        }
        return DecodedText(text: text, encoding: littleEndian ? .utf16LE : .utf16BE, warnings: warnings)
    }

    /// UTF-16 without a BOM shows as NUL in every other byte for ASCII-heavy text.
    /// Returns true for little endian, false for big endian, nil when it does not look like UTF-16.
    static func alternatingNULs(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 8 else { return nil }
        var even = 0, odd = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { even += 1 } else { odd += 1 }
        }
        let half = sample.count / 2
        if odd > half * 3 / 10, even < half / 50 { return true }
        if even > half * 3 / 10, odd < half / 50 { return false }
        return nil
    }

    static func unifyLineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    }

    /// Text with many control characters (over 5%) is binary data that happened to decode; a few
    /// (PDF extractors write NUL for glyphs they cannot map) are removed with a warning.
    static func rejectControlHeavy(_ decoded: inout DecodedText) throws(DecodeError) {
        var controls = 0, total = 0
        for scalar in decoded.text.unicodeScalars {
            total += 1
            switch scalar.value {
            case 0x09, 0x0A, 0x0C: continue
            case 0..<0x20, 0x7F: controls += 1
            default: continue
            }
        }
        guard controls > 0 else { return }
        if controls * 20 > total { throw .binary("\(controls) control characters in \(total)") }
        decoded.text = String(String.UnicodeScalarView(decoded.text.unicodeScalars.filter {
            !($0.value < 0x20 && $0.value != 0x09 && $0.value != 0x0A && $0.value != 0x0C) && $0.value != 0x7F
        }))
        decoded.warnings.append("removed \(controls) control character(s)")
    }
}
