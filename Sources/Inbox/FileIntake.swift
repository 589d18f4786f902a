#if canImport(Glibc)
import Glibc
#endif

/// What reading one inbox entry found.
public enum Intake: Sendable, Equatable {
    /// The whole file, and which file it was (the same before and after reading).
    case regular(bytes: [UInt8], identity: FileIdentity)
    /// A directory, FIFO, socket, device or symlink: never followed or read.
    case notRegular(kind: String)
    /// Gone before it could be read.
    case vanished
    case tooLarge(size: Int)
    /// Still changing while being read: try again later.
    case changing
    /// Another process still has it open for writing (`cp` in progress, or a writer found by the
    /// start-up scan): leave it; its `IN_CLOSE_WRITE` brings it back.
    case beingWritten
    /// Changed too recently to be known complete (no close was seen): look again after `seconds`.
    case settling(seconds: Double)
    case unreadable(errno: Int32)
}

/// Reads inbox entries without following links, without blocking on FIFOs, and within a size limit.
public struct FileIntake: Sendable {
    public let directory: String
    public let maxBytes: Int

    public init(directory: String, maxBytes: Int) {
        self.directory = directory
        self.maxBytes = maxBytes
    }

    /// Reads `name` if it is a complete regular file.
    ///
    /// `settle` is for files whose writer was not seen closing them (found by a scan, or hard-linked
    /// in): they are taken only once neither their contents (mtime) nor their inode (ctime) changed
    /// for that long. A file whose close was seen (`IN_CLOSE_WRITE`, `IN_MOVED_TO`) passes zero.
    public func read(_ name: FileName, settle: Double = 0) -> Intake {
        // Its subfolders are opened without following links: a folder swapped for a link is not the inbox.
        guard let entry = EntryPath(directory, name) else {
            return errno == ENOENT || EntryPath.isSwapped(errno) ? .vanished : .unreadable(errno: errno)
        }
        // Look before opening: a FIFO, socket or device is never opened at all.
        var before = stat()
        guard fstatat(entry.folder, entry.base, &before, AT_SYMLINK_NOFOLLOW) == 0 else {
            return errno == ENOENT ? .vanished : .unreadable(errno: errno)
        }
        if let kind = Self.kind(before.st_mode) { return .notRegular(kind: kind) }
        // Before opening: a file copied in across file systems (`mv`, `cp -p`) is created unreadable
        // to others and given its mode only at the end, so one still settling is not yet "unreadable".
        if settle > 0 {
            let age = Self.age(of: before)
            if age < settle { return .settling(seconds: settle - age) }
        }

        // O_NOFOLLOW: a symlink swapped in since is refused (ELOOP); O_NONBLOCK: a FIFO swapped in
        // does not wait for a writer; the descriptor's fstat is what counts from here on.
        let fd = openat(entry.folder, entry.base, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: return .vanished
            case ELOOP: return .notRegular(kind: "symbolic link")
            case ENXIO: return .notRegular(kind: "socket")
            default: return .unreadable(errno: errno)
            }
        }
        defer { close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0 else { return .unreadable(errno: errno) }
        if let kind = Self.kind(opened.st_mode) { return .notRegular(kind: kind) }
        guard opened.st_ino == before.st_ino, opened.st_dev == before.st_dev else { return .changing }
        if Int(opened.st_size) > maxBytes { return .tooLarge(size: Int(opened.st_size)) }
        if Self.isOpenForWriting(fd) { return .beingWritten }

        var bytes = [UInt8](repeating: 0, count: min(Int(opened.st_size), maxBytes) + 1)
        var total = 0
        while true {
            if total == bytes.count {
                guard bytes.count <= maxBytes else { return .tooLarge(size: total) }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, maxBytes + 1 - bytes.count)))
            }
            let n = bytes.withUnsafeMutableBytes { raw in
                Glibc.read(fd, raw.baseAddress! + total, raw.count - total)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .unreadable(errno: errno)
            }
            if n == 0 { break }
            total += n
        }
        if total > maxBytes { return .tooLarge(size: total) }
        var after = stat()
        guard fstat(fd, &after) == 0 else { return .unreadable(errno: errno) }
        let identity = FileIdentity(opened)
        guard FileIdentity(after) == identity, identity.size == total else { return .changing }
        bytes.removeSubrange(total...)
        return .regular(bytes: bytes, identity: identity)
    }

    /// Seconds since the file's contents or inode last changed. The change time (ctime) is set by the
    /// kernel on every write, rename and chmod and, unlike mtime, cannot be set by the writer.
    static func age(of st: stat) -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        func seconds(_ t: timespec) -> Double { Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }
        // A clock stepped back makes ctime look future: count that as settled rather than wait for ever.
        let age = seconds(now) - seconds(st.st_ctim)
        return age < -1 ? .infinity : max(0, age)
    }

    /// Whether an entry of that name is there (anything but a clear "no such file" counts as there).
    public func exists(_ name: FileName) -> Bool {
        guard let entry = EntryPath(directory, name) else { return errno != ENOENT && !EntryPath.isSwapped(errno) }
        var st = stat()
        return fstatat(entry.folder, entry.base, &st, AT_SYMLINK_NOFOLLOW) == 0 || errno != ENOENT
    }

    /// Whether any process has the file open for writing. The kernel refuses a read lease exactly
    /// then (EAGAIN), so take one and drop it at once. Without the right to a lease (not the owner and
    /// no CAP_LEASE) or on file systems without leases, the answer is "no": the inotify close event
    /// and the changed-while-read check are all there is.
    ///
    /// A writer opening the file during the instants the lease is held breaks it, and the kernel
    /// signals the holder: SIGIO by default, which would end the process; SIGURG is ignored by default.
    static func isOpenForWriting(_ fd: Int32) -> Bool {
        // Glibc exports these only under _GNU_SOURCE; the values are Linux ABI.
        let setSignal: Int32 = 10, setLease: Int32 = 1024
        _ = fcntl(fd, setSignal, SIGURG)
        if fcntl(fd, setLease, Int32(F_RDLCK)) == 0 {
            _ = fcntl(fd, setLease, Int32(F_UNLCK))
            return false
        }
        return errno == EAGAIN
    }

    static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "directory"
        case S_IFIFO: return "FIFO"
        case S_IFSOCK: return "socket"
        case S_IFLNK: return "symbolic link"
        case S_IFCHR, S_IFBLK: return "device"
        default: return "special file"
        }
    }
}
