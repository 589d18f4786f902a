#if canImport(Glibc)
import Glibc
#endif

/// What reading one inbox entry found.
public enum Intake: Sendable, Equatable {
    case regular(bytes: [UInt8])
    /// A directory, FIFO, socket, device or symlink: never followed or read.
    case notRegular(kind: String)
    /// Gone before it could be read.
    case vanished
    case tooLarge(size: Int)
    /// Still changing while being read: try again later.
    case changing
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

    public func read(_ name: FileName) -> Intake {
        let path = PathBytes.join(directory, name)
        var before = stat()
        guard lstat(path, &before) == 0 else { return errno == ENOENT ? .vanished : .unreadable(errno: errno) }
        if let kind = Self.kind(before.st_mode) { return .notRegular(kind: kind) }
        if Int(before.st_size) > maxBytes { return .tooLarge(size: Int(before.st_size)) }

        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: return .vanished
            case ELOOP: return .notRegular(kind: "symbolic link")
            default: return .unreadable(errno: errno)
            }
        }
        defer { close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0 else { return .unreadable(errno: errno) }
        if let kind = Self.kind(opened.st_mode) { return .notRegular(kind: kind) }
        guard opened.st_ino == before.st_ino else { return .changing }

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
        if after.st_size != opened.st_size || after.st_mtim.tv_sec != opened.st_mtim.tv_sec
            || after.st_mtim.tv_nsec != opened.st_mtim.tv_nsec || Int(after.st_size) != total {
            return .changing
        }
        bytes.removeSubrange(total...)
        return .regular(bytes: bytes)
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
