/// Magic numbers of binary files that are no document renewald reads (images, archives, programs,
/// databases): refused as `binary` before any encoding is tried. Document formats (PDF, Word, web
/// pages) are recognised earlier, by `DocumentFormats` in `Formats`.
enum BinaryMagic {
    static let numbers: [(name: String, bytes: [UInt8])] = [
        ("PNG", [0x89, 0x50, 0x4E, 0x47]),
        ("JPEG", [0xFF, 0xD8, 0xFF]),
        ("GIF", [0x47, 0x49, 0x46, 0x38]),
        ("gzip", [0x1F, 0x8B]),
        ("ELF", [0x7F, 0x45, 0x4C, 0x46]),
        ("OLE (old .doc/.xls)", [0xD0, 0xCF, 0x11, 0xE0]),
        ("bzip2", [0x42, 0x5A, 0x68]),
        ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A]),
        ("zstd", [0x28, 0xB5, 0x2F, 0xFD]),
        ("SQLite", [0x53, 0x51, 0x4C, 0x69, 0x74, 0x65, 0x20, 0x66]),
    ]

    /// The name of the binary format the bytes start with, or nil.
    static func match(_ bytes: [UInt8]) -> String? {
        numbers.first { bytes.starts(with: $0.bytes) }?.name
    }
}
