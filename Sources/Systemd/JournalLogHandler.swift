#if canImport(Glibc)
import Glibc
#endif
import CSystemd
import Logging

/// A swift-log backend that writes structured entries to journald (`sd_journal_sendv`).
///
/// Metadata becomes journal fields (`report_id` → `REPORT_ID=`, `themes: ["a", "b"]` → `THEMES=a`,
/// `THEMES=b`), the level becomes `PRIORITY=`, and every entry carries `SYSLOG_IDENTIFIER=` and the source
/// location (`CODE_FILE=`, `CODE_LINE=`, `CODE_FUNC=`). Bootstrap it only when `JournalDetection` says the
/// journal is there: without a journal socket libsystemd drops entries silently.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    /// The logger's label, kept as `LOGGER=` so entries from different subsystems can be told apart.
    public let label: String
    /// `SYSLOG_IDENTIFIER=`: what `journalctl -t` filters on and what precedes each line in the short format.
    public let identifier: String
    private let sink: @Sendable ([JournalField]) -> Void

    /// A handler for `LoggingSystem.bootstrap { JournalLogHandler(label: $0) }`.
    public init(label: String, identifier: String = "renewald", metadataProvider: Logger.MetadataProvider? = nil) {
        self.init(label: label, identifier: identifier, metadataProvider: metadataProvider, sink: JournalSocket.send)
    }

    /// Tests capture entries instead of sending them.
    init(
        label: String,
        identifier: String,
        metadataProvider: Logger.MetadataProvider? = nil,
        sink: @escaping @Sendable ([JournalField]) -> Void
    ) {
        self.label = label
        self.identifier = identifier
        self.metadataProvider = metadataProvider
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        // Precedence, lowest first: the handler's metadata, the provider's, the call site's.
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let explicit = event.metadata { merged.merge(explicit) { _, new in new } }
        if merged["logger"] == nil { merged["logger"] = .string(label) }
        sink(
            JournalRecord.fields(
                level: event.level,
                message: event.message.description,
                metadata: merged,
                error: event.error,
                identifier: identifier,
                file: event.file,
                function: event.function,
                line: event.line
            )
        )
    }
}

/// The native journal protocol through libsystemd: one datagram per entry on /run/systemd/journal/socket.
enum JournalSocket {
    /// Sends one entry; if journald refuses it, the entry goes to stderr with a `<priority>` prefix, which
    /// journald's stdout stream (the service's stderr under systemd) still files at the right priority.
    static func send(_ fields: [JournalField]) {
        var storage: [UInt8] = []
        var ranges: [(start: Int, count: Int)] = []
        ranges.reserveCapacity(fields.count)
        for field in fields {
            let start = storage.count
            storage.append(contentsOf: field.name.utf8)
            storage.append(UInt8(ascii: "="))
            storage.append(contentsOf: field.value.utf8)
            ranges.append((start, storage.count - start))
        }
        let result = storage.withUnsafeMutableBytes { bytes -> Int32 in
            var vectors = ranges.map { range in
                iovec(iov_base: bytes.baseAddress! + range.start, iov_len: range.count)
            }
            return sd_journal_sendv(&vectors, Int32(vectors.count))
        }
        if result < 0 { writeToStandardError(fields) }
    }

    private static func writeToStandardError(_ fields: [JournalField]) {
        let priority = fields.first { $0.name == "PRIORITY" }?.value ?? "6"
        let message = fields.first { $0.name == "MESSAGE" }?.value ?? ""
        let line = "<\(priority)>\(message)\n"
        line.utf8CString.withUnsafeBufferPointer { buffer in
            _ = write(2, buffer.baseAddress, buffer.count - 1)
        }
    }
}
