import CZlib

/// A read-only view of a zip archive held in memory: its central directory, and members inflated
/// on demand under size limits (a document never needs hundreds of megabytes of XML).
struct ZipArchive {
    /// One member as the central directory describes it.
    struct Entry {
        var name: String
        var method: UInt16
        var compressedSize: Int
        var uncompressedSize: Int
        var crc: UInt32
        var localHeaderOffset: Int
    }

    /// Limits that tell a document from a zip bomb.
    struct Limits {
        /// Most bytes any one member may inflate to.
        var maxEntryBytes = 64 << 20
        /// Most bytes all members together claim to inflate to.
        var maxTotalBytes = 256 << 20
        /// Highest inflation ratio for a member larger than `ratioFloorBytes`.
        var maxRatio = 200
        var ratioFloorBytes = 1 << 20
    }

    let bytes: [UInt8]
    let entries: [Entry]
    let limits: Limits

    /// Reads the central directory; refuses archives whose declared sizes look like a bomb.
    init(_ bytes: [UInt8], limits: Limits = Limits()) throws(FormatError) {
        self.bytes = bytes
        self.limits = limits
        guard let eocd = Self.findEndOfCentralDirectory(bytes) else { throw .brokenDocx("no zip central directory") }
        let count = Int(Self.u16(bytes, eocd + 10))
        let cdOffset = Int(Self.u32(bytes, eocd + 16))
        guard cdOffset != 0xFFFF_FFFF, count != 0xFFFF else { throw .brokenDocx("zip64 archives are not read") }
        var entries: [Entry] = []
        var p = cdOffset
        var total = 0
        for _ in 0..<count {
            guard p + 46 <= bytes.count, Self.u32(bytes, p) == 0x0201_4B50 else { throw .brokenDocx("damaged central directory") }
            let nameLength = Int(Self.u16(bytes, p + 28))
            let extraLength = Int(Self.u16(bytes, p + 30))
            let commentLength = Int(Self.u16(bytes, p + 32))
            guard p + 46 + nameLength <= bytes.count else { throw .brokenDocx("damaged central directory") }
            let entry = Entry(
                name: String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
                method: Self.u16(bytes, p + 10),
                compressedSize: Int(Self.u32(bytes, p + 20)),
                uncompressedSize: Int(Self.u32(bytes, p + 24)),
                crc: Self.u32(bytes, p + 16),
                localHeaderOffset: Int(Self.u32(bytes, p + 42)))
            if entry.uncompressedSize > limits.maxEntryBytes {
                throw .zipBomb("\(entry.name) claims \(entry.uncompressedSize) bytes")
            }
            if entry.uncompressedSize > limits.ratioFloorBytes,
               entry.uncompressedSize > limits.maxRatio * max(1, entry.compressedSize) {
                throw .zipBomb("\(entry.name) inflates \(entry.uncompressedSize / max(1, entry.compressedSize)):1")
            }
            total += entry.uncompressedSize
            if total > limits.maxTotalBytes { throw .zipBomb("the members claim over \(limits.maxTotalBytes) bytes") }
            entries.append(entry)
            p += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    /// A member's bytes, inflated and checked against its CRC; never more than the limits allow,
    /// whatever the headers claim.
    func data(of entry: Entry) throws(FormatError) -> [UInt8] {
        let h = entry.localHeaderOffset
        guard h + 30 <= bytes.count, Self.u32(bytes, h) == 0x0403_4B50 else { throw .brokenDocx("damaged member \(entry.name)") }
        let start = h + 30 + Int(Self.u16(bytes, h + 26)) + Int(Self.u16(bytes, h + 28))
        guard start + entry.compressedSize <= bytes.count else { throw .brokenDocx("\(entry.name) is cut off") }
        let raw = bytes[start..<(start + entry.compressedSize)]
        let out: [UInt8]
        switch entry.method {
        case 0: out = Array(raw)
        case 8: out = try Self.inflate(raw, expected: entry.uncompressedSize, limits: limits, name: entry.name)
        default: throw .brokenDocx("\(entry.name) uses compression method \(entry.method)")
        }
        guard out.count == entry.uncompressedSize else { throw .brokenDocx("\(entry.name) has the wrong size") }
        let crc = out.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        guard crc == entry.crc else { throw .brokenDocx("\(entry.name) fails its checksum") }
        return out
    }

    /// Raw deflate through zlib, stopping as soon as the output passes what the member declared
    /// (a lying header is how zip bombs get past a directory check).
    static func inflate(_ input: ArraySlice<UInt8>, expected: Int, limits: Limits, name: String) throws(FormatError) -> [UInt8] {
        let cap = min(limits.maxEntryBytes, expected) + 1
        var output = [UInt8](repeating: 0, count: max(cap, 1))
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .brokenDocx("zlib did not start")
        }
        defer { inflateEnd(&stream) }
        var input = Array(input)
        let result: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        let produced = Int(stream.total_out)
        if produced >= cap { throw .zipBomb("\(name) inflates past \(cap - 1) bytes") }
        guard result == Z_STREAM_END else { throw .brokenDocx("\(name) does not inflate (zlib \(result))") }
        return Array(output[..<produced])
    }

    static func findEndOfCentralDirectory(_ b: [UInt8]) -> Int? {
        guard b.count >= 22 else { return nil }
        let lowest = max(0, b.count - 22 - 0xFFFF)
        var p = b.count - 22
        while p >= lowest {
            if b[p] == 0x50, b[p + 1] == 0x4B, b[p + 2] == 0x05, b[p + 3] == 0x06 { return p }
            p -= 1
        }
        return nil
    }

    static func u16(_ b: [UInt8], _ p: Int) -> UInt16 {
        guard p + 2 <= b.count else { return 0 }
        return UInt16(b[p]) | UInt16(b[p + 1]) << 8
    }

    static func u32(_ b: [UInt8], _ p: Int) -> UInt32 {
        guard p + 4 <= b.count else { return 0 }
        return UInt32(b[p]) | UInt32(b[p + 1]) << 8 | UInt32(b[p + 2]) << 16 | UInt32(b[p + 3]) << 24
    }
}
