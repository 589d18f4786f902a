import Logging

/// One `NAME=value` pair of a journal entry.
struct JournalField: Equatable, Sendable {
    var name: String
    var value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// How a swift-log event becomes a journal entry: message, priority, identity, source location, metadata.
///
/// Metadata keys become journal field names (`report_id` → `REPORT_ID`), so operators can filter with
/// `journalctl -u renewald REPORT_ID=…`. An array value becomes the same field repeated once per element,
/// which journald keeps as a multi-valued field (`THEMES=a`, `THEMES=b`: both match).
enum JournalRecord {
    /// Field names the handler sets itself; metadata with these names is renamed `META_…` instead of
    /// silently replacing the message or its priority.
    static let reservedNames: Set<String> = [
        "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "SYSLOG_FACILITY", "SYSLOG_PID",
        "CODE_FILE", "CODE_LINE", "CODE_FUNC",
    ]

    /// journald rejects longer field names (and the whole entry with them).
    static let maximumNameLength = 64

    /// The fields of one entry, in a stable order: the handler's own fields, then metadata by field name.
    static func fields(
        level: Logger.Level,
        message: String,
        metadata: Logger.Metadata,
        error: (any Error)?,
        identifier: String,
        file: String,
        function: String,
        line: UInt
    ) -> [JournalField] {
        var fields = [
            JournalField("MESSAGE", message),
            JournalField("PRIORITY", String(priority(of: level))),
            JournalField("SYSLOG_IDENTIFIER", identifier),
            JournalField("CODE_FILE", file),
            JournalField("CODE_LINE", String(line)),
            JournalField("CODE_FUNC", function),
        ]
        var extra: [JournalField] = []
        for (key, value) in metadata {
            guard let name = fieldName(forMetadataKey: key) else { continue }
            append(value, as: name, to: &extra)
        }
        if let error, !extra.contains(where: { $0.name == "ERROR" }) {
            extra.append(JournalField("ERROR", String(describing: error)))
        }
        // Sorting by name only keeps each multi-valued field's elements in their original order.
        fields += stableSortedByName(extra)
        return fields
    }

    /// syslog(3) priorities, as journald and `journalctl -p` understand them.
    static func priority(of level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7  // LOG_DEBUG
        case .info: return 6  // LOG_INFO
        case .notice: return 5  // LOG_NOTICE
        case .warning: return 4  // LOG_WARNING
        case .error: return 3  // LOG_ERR
        case .critical: return 2  // LOG_CRIT
        }
    }

    /// A valid journal field name for a metadata key, or nil when nothing usable is left.
    ///
    /// Journal field names are upper-case ASCII letters, digits and `_`, not starting with `_` (reserved for
    /// fields journald itself vouches for) or a digit. camelCase keys are split (`errorCode` → `ERROR_CODE`),
    /// other characters become `_`.
    static func fieldName(forMetadataKey key: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.utf8.count + 4)
        var previousWasLowerOrDigit = false
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                bytes.append(byte - 32)
                previousWasLowerOrDigit = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if previousWasLowerOrDigit { bytes.append(UInt8(ascii: "_")) }
                bytes.append(byte)
                previousWasLowerOrDigit = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                bytes.append(byte)
                previousWasLowerOrDigit = true
            default:
                // One `_` per run of separators or non-ASCII bytes.
                if bytes.last != UInt8(ascii: "_") { bytes.append(UInt8(ascii: "_")) }
                previousWasLowerOrDigit = false
            }
        }
        while bytes.first == UInt8(ascii: "_") { bytes.removeFirst() }
        while bytes.last == UInt8(ascii: "_") { bytes.removeLast() }
        guard let first = bytes.first else { return nil }
        var name = String(decoding: bytes, as: UTF8.self)
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || reservedNames.contains(name) {
            name = "META_" + name
        }
        return String(name.prefix(maximumNameLength))
    }

    private static func append(_ value: Logger.MetadataValue, as name: String, to fields: inout [JournalField]) {
        switch value {
        case .string(let text):
            fields.append(JournalField(name, text))
        case .stringConvertible(let convertible):
            fields.append(JournalField(name, convertible.description))
        case .array(let elements):
            for element in elements { append(element, as: name, to: &fields) }
        case .dictionary(let dictionary):
            for (key, nested) in dictionary {
                guard let suffix = fieldName(forMetadataKey: key) else { continue }
                append(nested, as: String((name + "_" + suffix).prefix(maximumNameLength)), to: &fields)
            }
        }
    }

    private static func stableSortedByName(_ fields: [JournalField]) -> [JournalField] {
        fields.enumerated()
            .sorted { $0.element.name != $1.element.name ? $0.element.name < $1.element.name : $0.offset < $1.offset }
            .map(\.element)
    }
}
