/// Tells a file's format from its first bytes, never from its name.
enum FormatSniffer {
    static func sniff(_ bytes: [UInt8]) -> FileFormat {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return containsASCII(bytes.prefix(4096), "word/") ? .docx : .zip
        }
        let binaryMagic: [[UInt8]] = [
            [0x89, 0x50, 0x4E, 0x47],          // PNG
            [0xFF, 0xD8, 0xFF],                // JPEG
            [0x47, 0x49, 0x46, 0x38],          // GIF
            [0x1F, 0x8B],                      // gzip
            [0x7F, 0x45, 0x4C, 0x46],          // ELF
            [0xD0, 0xCF, 0x11, 0xE0],          // OLE (old .doc/.xls)
            [0x42, 0x5A, 0x68],                // bzip2
            [0xFD, 0x37, 0x7A, 0x58, 0x5A],    // xz
            [0x28, 0xB5, 0x2F, 0xFD],          // zstd
            [0x53, 0x51, 0x4C, 0x69, 0x74, 0x65, 0x20, 0x66], // SQLite
        ]
        if binaryMagic.contains(where: { bytes.starts(with: $0) }) { return .binary }
        return .text
    }

    static func containsASCII(_ bytes: ArraySlice<UInt8>, _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard bytes.count >= needle.count else { return false }
        let b = Array(bytes)
        for i in 0...(b.count - needle.count) where b[i] == needle[0] && Array(b[i..<(i + needle.count)]) == needle {
            return true
        }
        return false
    }

    /// A saved web page: markup at the start of the text.
    static func looksLikeHTML(_ text: String) -> Bool {
        // Bytes, not Characters: this runs on every file, and most are long Chinese texts.
        var bytes = Array(text.utf8.prefix(1024))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let first = bytes.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D, 0x0C].contains($0) }),
              bytes[first] == UInt8(ascii: "<") else { return false }
        let head = String(decoding: bytes[first...].prefix(512), as: UTF8.self).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.contains("<head")
    }
}
