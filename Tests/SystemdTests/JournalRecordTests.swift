import Logging
import Testing
@testable import Systemd

@Suite("Journal field mapping")
struct JournalRecordTests {
    @Test("metadata keys become journal field names", arguments: [
        ("report_id", "REPORT_ID"),
        ("file", "FILE"),
        ("themes", "THEMES"),
        ("error_code", "ERROR_CODE"),
        ("errorCode", "ERROR_CODE"),
        ("reportID", "REPORT_ID"),
        ("REPORT_ID", "REPORT_ID"),
        ("http.status-code", "HTTP_STATUS_CODE"),
        ("_private", "PRIVATE"),
        ("文件", nil),
        ("名file", "FILE"),
        ("", nil),
        ("___", nil),
        ("2fa", "META_2FA"),
        ("message", "META_MESSAGE"),
        ("priority", "META_PRIORITY"),
        ("syslog_identifier", "META_SYSLOG_IDENTIFIER"),
        ("code_line", "META_CODE_LINE"),
    ] as [(String, String?)])
    func fieldName(key: String, expected: String?) {
        #expect(JournalRecord.fieldName(forMetadataKey: key) == expected)
    }

    @Test("field names are cut to journald's 64-byte limit")
    func longName() {
        let name = JournalRecord.fieldName(forMetadataKey: String(repeating: "ab", count: 50))
        #expect(name?.utf8.count == 64)
        #expect(name?.hasPrefix("ABAB") == true)
    }

    @Test("levels map to syslog priorities", arguments: [
        (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5),
        (.warning, 4), (.error, 3), (.critical, 2),
    ])
    func priority(level: Logger.Level, expected: Int) {
        #expect(JournalRecord.priority(of: level) == expected)
    }

    @Test("an entry carries message, priority, identifier, location, then metadata by name")
    func entryLayout() {
        let fields = JournalRecord.fields(
            level: .warning,
            message: "无法解码 report.txt",
            metadata: ["file": "二号楼加装电梯通知.txt", "report_id": "3f2a", "error_code": "internal"],
            error: nil,
            identifier: "renewald",
            file: "Daemon/Ingest.swift",
            function: "ingest(_:)",
            line: 42
        )
        #expect(fields == [
            JournalField("MESSAGE", "无法解码 report.txt"),
            JournalField("PRIORITY", "4"),
            JournalField("SYSLOG_IDENTIFIER", "renewald"),
            JournalField("CODE_FILE", "Daemon/Ingest.swift"),
            JournalField("CODE_LINE", "42"),
            JournalField("CODE_FUNC", "ingest(_:)"),
            JournalField("ERROR_CODE", "internal"),
            JournalField("FILE", "二号楼加装电梯通知.txt"),
            JournalField("REPORT_ID", "3f2a"),
        ])
    }

    @Test("arrays become repeated fields in order; dictionaries become prefixed fields")
    func structuredValues() {
        let fields = JournalRecord.fields(
            level: .info, message: "m",
            metadata: [
                "themes": ["elevator-retrofit", "old-community-renovation"],
                "counts": ["articles": "3", "figures": .stringConvertible(7)],
            ],
            error: nil, identifier: "renewald", file: "f", function: "g", line: 1
        )
        let extra = Array(fields.dropFirst(6))
        #expect(extra == [
            JournalField("COUNTS_ARTICLES", "3"),
            JournalField("COUNTS_FIGURES", "7"),
            JournalField("THEMES", "elevator-retrofit"),
            JournalField("THEMES", "old-community-renovation"),
        ])
    }

    @Test("a metadata key that collides with a handler field cannot replace the message")
    func reservedNames() {
        let fields = JournalRecord.fields(
            level: .info, message: "真正的消息", metadata: ["message": "伪造"],
            error: nil, identifier: "renewald", file: "f", function: "g", line: 1
        )
        #expect(fields.filter { $0.name == "MESSAGE" } == [JournalField("MESSAGE", "真正的消息")])
        #expect(fields.contains(JournalField("META_MESSAGE", "伪造")))
    }

    @Test("an attached error becomes ERROR= unless metadata already says")
    func errorField() {
        struct Broken: Error, CustomStringConvertible { var description: String { "管道破裂" } }
        let plain = JournalRecord.fields(
            level: .error, message: "m", metadata: [:], error: Broken(),
            identifier: "renewald", file: "f", function: "g", line: 1
        )
        #expect(plain.contains(JournalField("ERROR", "管道破裂")))
        let explicit = JournalRecord.fields(
            level: .error, message: "m", metadata: ["error": "自己说明"], error: Broken(),
            identifier: "renewald", file: "f", function: "g", line: 1
        )
        #expect(explicit.filter { $0.name == "ERROR" } == [JournalField("ERROR", "自己说明")])
    }
}
