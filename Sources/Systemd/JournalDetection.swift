#if canImport(Glibc)
import Glibc
#endif

/// Decides whether logs should go to journald natively rather than as plain lines on stderr.
public enum JournalDetection {
    /// Where libsystemd sends native journal entries.
    static let journalSocketPath = "/run/systemd/journal/socket"

    /// True when stderr is connected to the journal (systemd sets `JOURNAL_STREAM` to its `dev:ino`) or
    /// the journal socket exists.
    ///
    /// `JOURNAL_STREAM` alone is not enough: it is inherited by children whose stderr was redirected, hence
    /// the `fstat(2)` comparison that systemd.exec(5) prescribes.
    public static func stderrIsJournal() -> Bool {
        if let value = getenv("JOURNAL_STREAM"), let stream = JournalStream(String(cString: value)) {
            var status = stat()
            if fstat(2, &status) == 0, stream.matches(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)) {
                return true
            }
        }
        return access(journalSocketPath, F_OK) == 0
    }
}

/// The `JOURNAL_STREAM=<device>:<inode>` value systemd sets for services whose stdout/stderr is the journal.
struct JournalStream: Equatable {
    var device: UInt64
    var inode: UInt64

    /// Parses `"<decimal>:<decimal>"`; nil for anything else (empty, signs, spaces, missing half).
    init?(_ value: String) {
        let parts = value.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 2,
              let device = Self.decimal(parts[0]),
              let inode = Self.decimal(parts[1])
        else { return nil }
        self.device = device
        self.inode = inode
    }

    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    func matches(device: UInt64, inode: UInt64) -> Bool {
        self.device == device && self.inode == inode
    }

    private static func decimal(_ digits: Substring.UTF8View) -> UInt64? {
        guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        return UInt64(String(decoding: digits, as: UTF8.self))
    }
}
