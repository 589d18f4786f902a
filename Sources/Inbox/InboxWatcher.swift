#if canImport(Glibc)
import Glibc
#endif
import Logging
import Synchronization

/// Watches the inbox with inotify and reports names of files that became complete:
/// closed after writing (`IN_CLOSE_WRITE`) or renamed in (`IN_MOVED_TO`). Entries that are never
/// "closed after writing" are reported when created: directories, FIFOs and symlinks, and hard
/// links (`ln FILE inbox/`) — a regular file with more than one link is complete, while a file
/// being created has one link and is taken when its writer closes it.
public final class InboxWatcher: Sendable {
    public enum Event: Sendable {
        /// `closed`: its writer was seen to finish (closed after writing, or renamed in); otherwise
        /// (created as a link, attributes changed) it is taken once it has stopped changing.
        case file(FileName, closed: Bool)
        /// The kernel queue overflowed: events were lost, rescan the directory.
        case overflow
    }

    let directory: String
    let fd: Int32
    let watch: Int32
    /// Set by `stop` on any thread, read by the watching thread between polls.
    let stopped = Atomic<Bool>(false)

    /// Starts watching `directory`. Throws when inotify is unavailable.
    public init(directory: String) throws(InboxError) {
        self.directory = directory
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw .system("inotify_init1", errno) }
        // IN_ATTRIB: a file left in the inbox as unreadable is looked at again once it is chmod-ed.
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB | IN_ONLYDIR)
        watch = inotify_add_watch(fd, directory, mask)
        guard watch >= 0 else {
            let e = errno
            close(fd)
            throw .system("inotify_add_watch \(directory)", e)
        }
    }

    deinit { close(fd) }

    /// Blocks reading events and hands them to `body` until `stop()` is called.
    public func run(_ body: (Event) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let headerSize = MemoryLayout<inotify_event>.size
        while !stopped.load(ordering: .acquiring) {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 250)
            if ready <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { continue }
            var offset = 0
            while offset + headerSize <= n {
                let (mask, length) = buffer.withUnsafeBytes { raw -> (UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.mask, Int(event.len))
                }
                let nameStart = offset + headerSize
                let nameBytes = Array(buffer[nameStart..<min(n, nameStart + length)].prefix { $0 != 0 })
                offset = nameStart + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { body(.overflow); continue }
                guard !nameBytes.isEmpty else { continue }
                let name = FileName(bytes: nameBytes)
                if mask & UInt32(IN_CREATE) != 0 {
                    // A file being written is taken when closed; anything else never will be, so look now.
                    if mask & UInt32(IN_ISDIR) != 0 || !isFileBeingCreated(name) { body(.file(name, closed: false)) }
                    continue
                }
                if mask & UInt32(IN_ATTRIB) != 0 {
                    // Not a sign of completeness: the settle interval decides when it is taken.
                    body(.file(name, closed: false))
                    continue
                }
                body(.file(name, closed: true))
            }
        }
    }

    /// A regular file with a single link: just created, so its `IN_CLOSE_WRITE` will follow.
    func isFileBeingCreated(_ name: FileName) -> Bool {
        var st = stat()
        let path = PathBytes.join(directory, name)
        guard lstat(path, &st) == 0 else { return true }   // gone already: nothing to take
        return st.st_mode & S_IFMT == S_IFREG && st.st_nlink == 1
    }

    public func stop() { stopped.store(true, ordering: .releasing) }
}

/// Why the inbox cannot be watched or a file cannot be moved.
public enum InboxError: Error, Sendable, Equatable, CustomStringConvertible {
    case system(String, Int32)
    /// The name now holds another file than the one read (renamed over meanwhile).
    case replaced(String)

    public var errnoValue: Int32 {
        switch self {
        case .system(_, let e): return e
        case .replaced: return ESTALE
        }
    }

    public var description: String {
        switch self {
        case .system(let what, let e): return "\(what): \(String(cString: strerror(e)))"
        case .replaced(let name): return "\(name) was replaced by another file"
        }
    }
}
