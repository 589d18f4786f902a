import Logging
import Synchronization
import Testing
@testable import Systemd

@Suite("JournalLogHandler")
struct JournalLogHandlerTests {
    /// Collects what the handler would have sent to journald.
    final class Capture: Sendable {
        let entries = Mutex<[[JournalField]]>([])
        func sink(_ fields: [JournalField]) { entries.withLock { $0.append(fields) } }
        var all: [[JournalField]] { entries.withLock { $0 } }
    }

    @Test("a logger call becomes one entry with merged metadata, call site winning")
    func loggerCall() {
        let capture = Capture()
        var logger = Logger(label: "renewald.ingest") { label in
            JournalLogHandler(label: label, identifier: "renewald", sink: capture.sink)
        }
        logger[metadataKey: "file"] = "旧名.txt"
        logger[metadataKey: "inbox"] = "/var/spool/renewald/inbox"
        logger.info("已入库", metadata: ["file": "老旧小区改造简报.txt", "report_id": "ab12", "themes": ["elevator-retrofit"]])
        let entries = capture.all
        #expect(entries.count == 1)
        let entry = entries.first ?? []
        #expect(entry.first == JournalField("MESSAGE", "已入库"))
        #expect(entry.contains(JournalField("PRIORITY", "6")))
        #expect(entry.contains(JournalField("SYSLOG_IDENTIFIER", "renewald")))
        #expect(entry.contains(JournalField("LOGGER", "renewald.ingest")))
        #expect(entry.contains(JournalField("INBOX", "/var/spool/renewald/inbox")))
        #expect(entry.filter { $0.name == "FILE" } == [JournalField("FILE", "老旧小区改造简报.txt")])
        #expect(entry.contains(JournalField("REPORT_ID", "ab12")))
        #expect(entry.contains(JournalField("THEMES", "elevator-retrofit")))
    }

    @Test("the handler's level filters below it")
    func levelFilter() {
        let capture = Capture()
        var logger = Logger(label: "l") { JournalLogHandler(label: $0, identifier: "renewald", sink: capture.sink) }
        logger.logLevel = .notice
        logger.info("丢弃")
        logger.error("保留", metadata: ["error_code": "internal"])
        #expect(capture.all.count == 1)
        #expect(capture.all.first?.contains(JournalField("PRIORITY", "3")) == true)
        #expect(capture.all.first?.contains(JournalField("ERROR_CODE", "internal")) == true)
    }

    @Test("metadata provider values are included and overridden by the call site")
    func provider() {
        let capture = Capture()
        let provider = Logger.MetadataProvider { ["request": "7", "file": "provider.txt"] }
        let logger = Logger(label: "l") {
            JournalLogHandler(label: $0, identifier: "renewald", metadataProvider: provider, sink: capture.sink)
        }
        logger.warning("w", metadata: ["file": "call.txt"])
        let entry = capture.all.first ?? []
        #expect(entry.contains(JournalField("REQUEST", "7")))
        #expect(entry.filter { $0.name == "FILE" } == [JournalField("FILE", "call.txt")])
    }
}
