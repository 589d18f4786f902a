import CZlib
import CZstd
import Foundation
import ReportModel

/// How a report is kept in the `report` table: its JSON without what is stored elsewhere or can be
/// derived (paragraph text lives in `article.body`; the report-level themes repeat their best
/// article's evidence), compressed. Chinese JSON compresses to well under half, which keeps the whole
/// store within about three times the size of the reports it holds.
package enum PackedReport {
    package static func pack(_ report: Report) -> Data {
        var stripped = report
        for i in stripped.articles.indices {
            stripped.articles[i].paragraphs = []
            stripped.articles[i].reprints = []   // read from `article_reprint` when the report is loaded
        }
        stripped.themes = report.themes.map { ThemeScore(id: $0.id, score: $0.score) }
        return compress(Array(stripped.json.serialized().utf8))
    }

    /// The report as packed, with paragraphs still empty (see `SQLiteStore.loadReport`).
    package static func unpack(_ data: Data) throws -> Report {
        guard let bytes = decompress(data), let json = try? JSONValue.parse(bytes: bytes), var report = Report(json: json) else {
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

    /// An article's paragraph text, compressed like the report.
    static func packText(_ text: String) -> Data { compress(Array(text.utf8)) }

    package static func unpackText(_ data: Data) -> String {
        decompress(data).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// `[4-byte big-endian length][zstd frame]`. zstd's fastest level compresses Chinese text about
    /// as well as zlib's default at several times the speed; packing runs for every report ingested.
    static func compress(_ bytes: [UInt8]) -> Data {
        let bound = ZSTD_compressBound(bytes.count)
        var out = Data(count: bound + 4)
        let n = UInt32(bytes.count)
        let written = out.withUnsafeMutableBytes { raw -> Int in
            let dest = raw.bindMemory(to: UInt8.self)
            dest[0] = UInt8(n >> 24); dest[1] = UInt8(n >> 16 & 0xFF); dest[2] = UInt8(n >> 8 & 0xFF); dest[3] = UInt8(n & 0xFF)
            return bytes.withUnsafeBytes { src in
                ZSTD_compress(dest.baseAddress! + 4, bound, src.baseAddress, src.count, level)
            }
        }
        precondition(ZSTD_isError(written) == 0, "ZSTD_compress failed on a bounded buffer: \(String(cString: ZSTD_getErrorName(written)))")
        out.count = written + 4
        return out
    }

    static let level: Int32 = 2

    /// The bytes `compress` packed; nil when they do not unpack. Reads zlib streams too (stores
    /// written before zstd).
    static func decompress(_ data: Data) -> [UInt8]? {
        data.withUnsafeBytes { raw -> [UInt8]? in
            let packed = raw.bindMemory(to: UInt8.self)
            guard packed.count >= 5 else { return nil }
            let n = Int(packed[0]) << 24 | Int(packed[1]) << 16 | Int(packed[2]) << 8 | Int(packed[3])
            guard n <= 256 << 20 else { return nil }
            let body = UnsafeRawBufferPointer(rebasing: raw[4...])
            var out = [UInt8](repeating: 0, count: n)
            let ok = out.withUnsafeMutableBytes { dest -> Bool in
                if packed[4] == 0x78 {   // a zlib header
                    var length = uLong(n)
                    let rc = uncompress(dest.baseAddress!.assumingMemoryBound(to: Bytef.self), &length,
                                        body.baseAddress!.assumingMemoryBound(to: Bytef.self), uLong(body.count))
                    return rc == Z_OK && Int(length) == n
                }
                let got = ZSTD_decompress(dest.baseAddress, n, body.baseAddress, body.count)
                return ZSTD_isError(got) == 0 && got == n
            }
            return ok ? out : nil
        }
    }
}

/// A report as the rows that store it, computed before the write transaction.
package struct PackedRows: Sendable {
    package struct ArticleRow: Sendable {
        /// The article's searchable text (`SQLiteStore.searchableText`) as space-separated index
        /// tokens, and their number.
        package var tokens: String
        package var length: Int
        package var body: Data
        package var themeSummary: String
        /// The body's MinHash sketch (nil when too short to compare) and its LSH band tokens.
        package var sketch: MinHashSketch?
        package var bandKeys: [UInt32]
        package var facts: [FactExtraction.Row]
    }

    package var json: Data
    package var articles: [ArticleRow]

    init(_ report: Report) {
        json = PackedReport.pack(report)
        articles = report.articles.map { article in
            let text = SQLiteStore.searchableText(article, in: report)
            let (tokens, length) = SearchTokens.index(text)
            let body = article.paragraphs.joined(separator: "\n")
            let sketch = MinHashSketch(text: body)
            return ArticleRow(tokens: tokens, length: length,
                              body: PackedReport.packText(body),
                              themeSummary: SQLiteStore.themeSummary(article.themes),
                              sketch: sketch, bandKeys: sketch?.bandKeys ?? [],
                              facts: FactExtraction.rows(article))
        }
    }
}
