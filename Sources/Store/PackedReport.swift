import CZlib
import Foundation
import ReportModel

/// How a report is kept in the `report` table: its JSON without what is stored elsewhere or can be
/// derived (paragraph text lives in `article.body`; the report-level themes repeat their best
/// article's evidence), deflated. Chinese JSON deflates to well under half, which keeps the whole
/// store within about three times the size of the reports it holds.
enum PackedReport {
    static func pack(_ report: Report) -> Data {
        var stripped = report
        for i in stripped.articles.indices { stripped.articles[i].paragraphs = [] }
        stripped.themes = report.themes.map { ThemeScore(id: $0.id, score: $0.score) }
        return deflate(Array(stripped.json.serialized().utf8))
    }

    /// The report as packed, with paragraphs still empty (see `SQLiteStore.loadReport`).
    static func unpack(_ data: Data) throws -> Report {
        guard let bytes = inflate(data), let json = try? JSONValue.parse(bytes: bytes), var report = Report(json: json) else {
            throw StoreError.corrupt("a stored report does not unpack")
        }
        // Each report-level theme carries the evidence of the article where it scored best.
        for i in report.themes.indices {
            let theme = report.themes[i]
            if let best = report.articles.lazy.flatMap(\.themes)
                .first(where: { $0.id == theme.id && abs($0.score - theme.score) < 0.0005 }) {
                report.themes[i].evidence = best.evidence
                report.themes[i].cues = best.cues
            }
        }
        return report
    }

    /// An article's paragraph text, deflated like the report.
    static func packText(_ text: String) -> Data { deflate(Array(text.utf8)) }

    static func unpackText(_ data: Data) -> String {
        inflate(data).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// `[4-byte big-endian length][zlib stream]`.
    static func deflate(_ bytes: [UInt8]) -> Data {
        var bound = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(bound) + 4)
        let n = UInt32(bytes.count)
        out[0] = UInt8(n >> 24); out[1] = UInt8(n >> 16 & 0xFF); out[2] = UInt8(n >> 8 & 0xFF); out[3] = UInt8(n & 0xFF)
        let rc = out.withUnsafeMutableBufferPointer { dest in
            bytes.withUnsafeBufferPointer { src in
                compress2(dest.baseAddress! + 4, &bound, src.baseAddress, uLong(bytes.count), 6)
            }
        }
        precondition(rc == Z_OK, "compress2 failed with \(rc) on a bounded buffer")
        return Data(out[..<(Int(bound) + 4)])
    }

    static func inflate(_ data: Data) -> [UInt8]? {
        let packed = [UInt8](data)
        guard packed.count >= 4 else { return nil }
        let n = Int(packed[0]) << 24 | Int(packed[1]) << 16 | Int(packed[2]) << 8 | Int(packed[3])
        guard n <= 256 << 20 else { return nil }
        var out = [UInt8](repeating: 0, count: n)
        var length = uLong(n)
        let rc = out.withUnsafeMutableBufferPointer { dest in
            packed.withUnsafeBufferPointer { src in
                uncompress(dest.baseAddress, &length, src.baseAddress! + 4, uLong(packed.count - 4))
            }
        }
        guard rc == Z_OK, Int(length) == n else { return nil }
        return out
    }
}
