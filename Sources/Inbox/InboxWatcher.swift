#if canImport(Glibc)
import Glibc
#endif
import Logging
import Synchronization

/// Watches the inbox and its subfolders with inotify and reports names (relative to the inbox) of
/// files that became complete: closed after writing (`IN_CLOSE_WRITE`) or renamed in (`IN_MOVED_TO`).
/// Entries that are never "closed after writing" are reported when created: FIFOs and symlinks, and
/// hard links (`ln FILE inbox/`) — a regular file with more than one link is complete, while a file
/// being created has one link and is taken when its writer closes it. A folder created or moved in
/// is watched at once and reported, so what it already holds can be listed.
public final class InboxWatcher: Sendable {
    public enum Event: Sendable, Equatable {
        /// `closed`: its writer was seen to finish (closed after writing, or renamed in); otherwise
        /// (created as a link, attributes changed) it is taken once it has stopped changing.
        case file(FileName, closed: Bool)
        /// A subfolder appeared (created or moved in) and is watched now: list what it holds.
        case folder(FileName)
        /// The kernel queue overflowed: events were lost, rescan the directory.
        case overflow
        /// Part of the tree cannot be trusted to inotify (a network mount inside the inbox, or no
        /// watch left: `fs.inotify.max_user_watches`): it must be polled. Says why.
        case unwatched(String)
    }

    let directory: String
    let fd: Int32
    /// Watch descriptor → the folder it watches (an empty name: the inbox itself). Changed by the
    /// watching thread only, after `init`.
    let watches: Watches
    /// Whether to report subfolders on network file systems (auto mode).
    let checkRemote: Bool
    /// Problems found while setting up the watches, reported first by `run`.
    let initialProblems: [String]
    /// Set by `stop` on any thread, read by the watching thread between polls.
    let stopped = Atomic<Bool>(false)

    static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_ATTRIB | IN_ONLYDIR)

    /// Starts watching `directory` and its subfolders. Throws when inotify is unavailable or the
    /// inbox itself cannot be watched. `checkRemote`: report subfolders on network file systems.
    public init(directory: String, checkRemote: Bool = false) throws(InboxError) {
        self.directory = directory
        self.checkRemote = checkRemote
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw .system("inotify_init1", errno) }
        // IN_ATTRIB: a file left in the inbox as unreadable is looked at again once it is chmod-ed.
        let watch = inotify_add_watch(fd, directory, Self.mask)
        guard watch >= 0 else {
            let e = errno
            close(fd)
            throw .system("inotify_add_watch \(directory)", e)
        }
        let watches = Watches()
        watches.table.withLock { $0[watch] = Watches.inbox }
        var problems: [String] = []
        if let tree = try? InboxScanner.tree(of: directory) {
            for folder in tree.folders {
                if let problem = Self.addWatch(folder, fd: fd, directory: directory, watches: watches, checkRemote: checkRemote) {
                    problems.append(problem)
                }
            }
        }
        self.watches = watches
        initialProblems = problems
    }

    deinit { close(fd) }

    /// Watches one subfolder; says why when it cannot be trusted to inotify.
    func addWatch(_ folder: FileName) -> String? {
        Self.addWatch(folder, fd: fd, directory: directory, watches: watches, checkRemote: checkRemote)
    }

    static func addWatch(_ folder: FileName, fd: Int32, directory: String, watches: Watches,
                         checkRemote: Bool) -> String? {
        let path = PathBytes.join(directory, folder)
        let wd = inotify_add_watch(fd, path, Self.mask)
        guard wd >= 0 else {
            let e = errno
            if e == ENOENT || e == ENOTDIR { return nil }   // gone again, or not a folder after all
            return "cannot watch the subfolder \(folder.escaped): inotify_add_watch: \(String(cString: strerror(e)))"
        }
        watches.table.withLock { $0[wd] = folder }
        if checkRemote, let kind = FileSystemKind.of(directory + "/" + folder.description), kind.isRemote {
            return "the subfolder \(folder.escaped) is on \(kind), where inotify misses changes made elsewhere"
        }
        return nil
    }

    /// Watches `folder` and every subfolder below it; the problems found.
    func watchTree(_ folder: FileName) -> [String] {
        var problems: [String] = []
        if let problem = addWatch(folder) { problems.append(problem) }
        if let tree = try? InboxScanner.tree(of: directory, below: folder) {
            for sub in tree.folders { if let problem = addWatch(sub) { problems.append(problem) } }
        }
        return problems
    }

    /// Watches every subfolder now in the tree (again: a watched one keeps its descriptor).
    func rewatch() -> [String] {
        guard let tree = try? InboxScanner.tree(of: directory) else { return [] }
        let watched = Set(watches.table.withLock { $0.values })
        return tree.folders.filter { !watched.contains($0) }.compactMap(addWatch)
    }

    /// Stops watching `folder` and what lies below it (moved away: its watches would name it wrongly).
    func unwatchTree(_ folder: FileName) {
        let prefix = folder.bytes + [UInt8(ascii: "/")]
        let gone = watches.table.withLock { table in
            table.filter { _, watched in watched == folder || watched.bytes.starts(with: prefix) }.map(\.key)
        }
        for wd in gone {
            inotify_rm_watch(fd, wd)
            _ = watches.table.withLock { $0.removeValue(forKey: wd) }
        }
    }

    /// How many folders are watched (the inbox counts as one).
    public var watchedFolders: Int { watches.table.withLock { $0.count } }

    /// Blocks reading events and hands them to `body` until `stop()` is called.
    public func run(_ body: (Event) -> Void) {
        for problem in initialProblems { body(.unwatched(problem)) }
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
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + headerSize
                let nameBytes = Array(buffer[nameStart..<min(n, nameStart + length)].prefix { $0 != 0 })
                offset = nameStart + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Lost events may include folders made meanwhile: watch whatever is there now first.
                    for problem in rewatch() { body(.unwatched(problem)) }
                    body(.overflow)
                    continue
                }
                if mask & UInt32(IN_IGNORED) != 0 {
                    // The folder was removed (or unwatched): its descriptor may be reused.
                    _ = watches.table.withLock { $0.removeValue(forKey: wd) }
                    continue
                }
                guard !nameBytes.isEmpty, let folder = watches.table.withLock({ $0[wd] }) else { continue }
                let name = folder == Watches.inbox ? FileName(bytes: nameBytes) : folder.appending(FileName(bytes: nameBytes))
                if mask & UInt32(IN_ISDIR) != 0 {
                    handleFolder(name, mask: mask, body)
                    continue
                }
                if mask & UInt32(IN_MOVED_FROM) != 0 { continue }   // a file leaving: nothing to take
                if mask & UInt32(IN_CREATE) != 0 {
                    // A file being written is taken when closed; anything else never will be, so look now.
                    if !isFileBeingCreated(name) { body(.file(name, closed: false)) }
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

    /// A folder created, moved in or moved away.
    func handleFolder(_ name: FileName, mask: UInt32, _ body: (Event) -> Void) {
        if mask & UInt32(IN_MOVED_FROM) != 0 {
            unwatchTree(name)
            return
        }
        guard mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 else { return }
        // Dot-folders are someone's work in progress; too deep is a runaway tree: neither is taken.
        guard !name.isInProgress, name.depth < InboxScanner.maxDepth else { return }
        for problem in watchTree(name) { body(.unwatched(problem)) }
        body(.folder(name))
    }

    /// A regular file with a single link: just created, so its `IN_CLOSE_WRITE` will follow.
    func isFileBeingCreated(_ name: FileName) -> Bool {
        var st = stat()
        let path = PathBytes.join(directory, name)
        guard lstat(path, &st) == 0 else { return true }   // gone already: nothing to take
        return st.st_mode & S_IFMT == S_IFREG && st.st_nlink == 1
    }

    public func stop() { stopped.store(true, ordering: .releasing) }

    /// The watch table, shared by reference (a `Mutex` cannot be passed around).
    final class Watches: Sendable {
        /// The name standing for the inbox itself.
        static let inbox = FileName(bytes: [])
        let table = Mutex<[Int32: FileName]>([:])
    }
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
