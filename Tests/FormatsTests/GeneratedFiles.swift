import CZlib

/// Small PDFs, zips and pages made at test time, so no fixture holds corpus text.
enum GeneratedFiles {
    // MARK: PDF

    /// A PDF from its objects' bodies, with a correct xref table and trailer.
    static func pdf(_ objects: [String], trailerExtra: String = "") -> [UInt8] {
        var out = Array("%PDF-1.4\n%\u{E2}\u{E3}\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { table += String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n" }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R \(trailerExtra)>>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }

    static func stream(_ content: String, dictionary: String = "") -> String {
        "<< /Length \(content.utf8.count) \(dictionary)>>\nstream\n\(content)\nendstream"
    }

    /// One page of Latin text in Helvetica: each (x, y, size, text) is one line.
    static func textPDF(_ lines: [(Double, Double, Double, String)], trailerExtra: String = "", extraObjects: [String] = []) -> [UInt8] {
        let content = lines.map { "BT /F1 \($0.2) Tf \($0.0) \($0.1) Td (\($0.3)) Tj ET" }.joined(separator: "\n")
        return pdf([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(content),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ] + extraObjects, trailerExtra: trailerExtra)
    }

    /// A "scan": one page that only paints an image.
    static func scannedPDF() -> [UInt8] {
        let pixels = String(repeating: "\u{7F}", count: 16)
        return pdf([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
            stream("q 300 0 0 200 50 50 cm /Im1 Do Q"),
            stream(pixels, dictionary: "/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8 "),
        ])
    }

    /// A PDF locked with a user password nobody here knows (standard security handler, RC4 40-bit).
    static func encryptedPDF() -> [UInt8] {
        let o = String(repeating: "7A", count: 32), u = String(repeating: "3C", count: 32)
        return textPDF([(50, 200, 12, "Locked report")],
                       trailerExtra: "/Encrypt 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] ",
                       extraObjects: ["<< /Filter /Standard /V 1 /R 2 /O <\(o)> /U <\(u)> /P -3904 >>"])
    }

    // MARK: zip

    /// A zip of (name, bytes, deflate?) members; `declaredSize` overrides a member's stated size
    /// (how zip bombs lie).
    static func zip(_ members: [(name: String, data: [UInt8], deflate: Bool, declaredSize: Int?)]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for m in members {
            let stored = m.deflate ? deflateRaw(m.data) : m.data
            let crc = m.data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            let size = UInt32(m.declaredSize ?? m.data.count)
            let name = Array(m.name.utf8)
            let offset = UInt32(out.count)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(m.deflate ? 8 : 0) + le16(0) + le16(0x21)
            out += le32(crc) + le32(UInt32(stored.count)) + le32(size) + le16(UInt16(name.count)) + le16(0) + name + stored
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(m.deflate ? 8 : 0) + le16(0) + le16(0x21)
            central += le32(crc) + le32(UInt32(stored.count)) + le32(size) + le16(UInt16(name.count)) + le16(0) + le16(0)
            central += le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let cdOffset = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(members.count)) + le16(UInt16(members.count))
        out += le32(UInt32(central.count)) + le32(cdOffset) + le16(0)
        return out
    }

    static func deflateRaw(_ data: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        _ = deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var input = data
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))) + 64)
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                _ = deflate(&stream, Z_FINISH)
                return Int(stream.total_out)
            }
        }
        return Array(output[..<produced])
    }

    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }

    /// A minimal Word file around the given `<w:body>` content.
    static func docx(body: String) -> [UInt8] {
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
            """
        let rels = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """
        return zip([
            (name: "[Content_Types].xml", data: Array("<Types/>".utf8), deflate: false, declaredSize: nil),
            (name: "_rels/.rels", data: Array(rels.utf8), deflate: true, declaredSize: nil),
            (name: "word/document.xml", data: Array(document.utf8), deflate: true, declaredSize: nil),
        ])
    }
}
