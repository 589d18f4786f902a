import Foundation
import Inbox

/// The files the daemon is working on, kept durably in the state directory (`in-hand`) so that
/// after a crash, an OOM kill or a watchdog kill the next start knows which files were in hand.
///
/// A death is held against a file only when it is likely the file's doing: the daemon crashed on a
/// signal (a trap, a segfault: `CrashMark`) while the file was in hand, or the file had been under
/// analysis for a second or more (`long`: what an OOM kill or a wedged stage looks like, which a
/// random `kill -9` or a power cut during a millisecond analysis does not). Such a file is tried once
/// more, alone; a second such death, or a watchdog kill while it overran its limit, sends it to
/// `failed/` as `crashed_daemon` without being read again: a poison file cannot keep the daemon in
/// a restart loop, and a file that was merely in hand at an unrelated death is simply taken again.
final class InHandRecord: @unchecked Sendable {
    struct Entry: Sendable, Equatable {
        var identity: FileIdentity?
        /// 1 for the first try, 2 for the retry after a death.
        var attempt: Int
        /// The file overran its analysis limit and the watchdog was left to fire.
        var overran: Bool
        /// The file had been under analysis for a while (or the daemon crashed on a signal with it in hand).
        var long: Bool = false

        /// Whether a death with this file in hand is held against it.
        var blamed: Bool { overran || long }
    }

    let path: String
    private let lock = NSLock()
    private var current: [FileName: Entry] = [:]
    /// What the previous run had in hand when it died.
    private var leftOver: [FileName: Entry]
    private var warned = false
    let failedToWrite: @Sendable (String) -> Void

    /// Loads what a previous run left in `path`, keeping the files still in `inbox`.
    /// `crashed`: the previous run died on a crash signal, so every file it had in hand is blamed.
    init(path: String, inbox: String, crashed: Bool = false, failedToWrite: @escaping @Sendable (String) -> Void = { _ in }) {
        self.path = path
        self.failedToWrite = failedToWrite
        leftOver = Self.load(path).filter { FileIdentity.of($0.key, in: inbox) != nil }
        if crashed { for name in leftOver.keys { leftOver[name]?.long = true } }
        leftOver = leftOver.filter { $0.value.blamed }
        current = leftOver   // still in hand until resolved: a second death must be remembered
    }

    /// What the previous run died holding, when `name` still is that very file.
    func leftOver(_ name: FileName, now identity: FileIdentity?) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = leftOver[name] else { return nil }
        if let was = entry.identity, was != identity { return nil }   // replaced since: a new file
        return entry
    }

    var hasLeftOvers: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !leftOver.isEmpty
    }

    /// Records `names` as in hand (durably: written and synced before their analysis begins).
    func hold(_ entries: [FileName: Entry]) {
        lock.lock()
        defer { lock.unlock() }
        for (name, entry) in entries { current[name] = entry }
        save(sync: true)
    }

    /// The files' outcomes are settled: no longer in hand, nor left over from a previous run.
    func release(_ names: [FileName]) {
        lock.lock()
        defer { lock.unlock() }
        var changed = false
        for name in names {
            if current.removeValue(forKey: name) != nil { changed = true }
            leftOver[name] = nil
        }
        // Not synced: losing a release costs at most one needless retry after a power loss.
        if changed { save(sync: false) }
    }

    func markOverran(_ name: FileName) {
        lock.lock()
        defer { lock.unlock() }
        guard current[name] != nil else { return }
        current[name]?.overran = true
        save(sync: true)
    }

    /// These files have been under analysis for a while: a death now is held against them.
    func markLong(_ names: [FileName]) {
        lock.lock()
        defer { lock.unlock() }
        var changed = false
        for name in names where current[name] != nil && current[name]?.long == false {
            current[name]?.long = true
            changed = true
        }
        if changed { save(sync: true) }
    }

    func entries() -> [FileName: Entry] {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    // MARK: - file format: one line per file: attempt flags(overran, long) device inode size mtime hex-name

    private func save(sync: Bool) {
        var text = ""
        for (name, entry) in current {
            let id = entry.identity
            text += "\(entry.attempt) \(entry.overran ? 1 : 0)\(entry.long ? 1 : 0) \(id?.device ?? 0) \(id?.inode ?? 0) \(id?.size ?? -1) \(id?.modified ?? 0) "
            text += Self.hex(name.bytes) + "\n"
        }
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return warn("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = !sync || fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            return warn("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        if sync {
            let dir = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if dir >= 0 { fsync(dir); close(dir) }
        }
        warned = false
    }

    private func warn(_ message: String) {
        guard !warned else { return }
        warned = true
        failedToWrite(message)
    }

    static func load(_ path: String) -> [FileName: Entry] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var entries: [FileName: Entry] = [:]
        for line in text.split(separator: "\n") {
            let f = line.split(separator: " ")
            guard f.count == 7, let attempt = Int(f[0]), let device = UInt64(f[2]), let inode = UInt64(f[3]),
                  let size = Int(f[4]), let modified = Int64(f[5]), let name = hexBytes(f[6]) else { continue }
            let identity = size < 0 ? nil : FileIdentity(device: device, inode: inode, size: size, modified: modified)
            entries[FileName(bytes: name)] = Entry(identity: identity, attempt: attempt, overran: f[1].first == "1",
                                                   long: f[1].dropFirst().first == "1")
        }
        return entries
    }

    /// A name's bytes as lowercase hex (the record is rewritten for every batch with every file in
    /// hand: `String(format:)` per byte cost 2% of ingest).
    static func hex(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hexBytes(_ hex: Substring) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0, !digits.isEmpty else { return nil }
        var bytes: [UInt8] = []
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let b = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(b)
        }
        return bytes
    }
}
