#if canImport(Glibc)
import Glibc
#endif

/// A directory that originals are moved into (`archive/`, `failed/`). Nothing is ever deleted:
/// a name already taken gets a counter (`a.txt`, `a.1.txt`, …).
public struct Shelf: Sendable {
    public let directory: String

    public init(directory: String) throws(InboxError) {
        self.directory = directory
        if mkdir(directory, 0o750) != 0 && errno != EEXIST { throw .system("mkdir \(directory)", errno) }
    }

    /// The first free name for `name` here (`a.txt`, `a.1.txt`, …), leaving `reserving` bytes of
    /// NAME_MAX for a suffix (a note beside it). Only the ingest thread moves files in, so the name
    /// stays free until `move` uses it.
    /// `taken` holds names already promised to other files of the same batch.
    public func freeName(for name: FileName, reserving: Int = 0, taken: Set<FileName> = []) -> FileName {
        var st = stat()
        for n in 0..<100_000 {
            let candidate = name.variant(n, maxBytes: FileName.maxBytes - reserving)
            if !taken.contains(candidate), lstat(PathBytes.join(directory, candidate), &st) != 0 && errno == ENOENT { return candidate }
        }
        return name.variant(Int.random(in: 100_000..<Int.max))
    }

    /// Moves `name` from `inbox` here as `target`, never replacing an existing file.
    public func move(_ name: FileName, from inbox: String, to target: FileName) throws(InboxError) {
        let source = PathBytes.join(inbox, name)
        let destination = PathBytes.join(directory, target)
        // link+unlink cannot clobber (link fails with EEXIST), and a crash between the two
        // leaves the same inode in both places, which recovery recognises.
        if link(source, destination) == 0 {
            guard unlink(source) == 0 else { throw .system("unlink \(name)", errno) }
            return
        }
        switch errno {
        case EPERM, EXDEV, EMLINK, ENOTSUP:
            // Directories and some filesystems refuse hard links.
            var st = stat()
            if lstat(destination, &st) == 0 { throw .system("move \(name) to \(target)", EEXIST) }
            if rename(source, destination) == 0 { return }
            if errno == EXDEV { try copyAcross(name, source: source, target: destination, candidate: target); return }
            throw .system("rename \(name)", errno)
        default:
            throw .system("link \(name)", errno)
        }
    }

    /// Whether `name` here is the very file (same inode) as `other` in `inbox`.
    public func holdsSameFile(_ name: FileName, as other: FileName, in inbox: String) -> Bool? {
        var here = stat(), there = stat()
        guard lstat(PathBytes.join(directory, name), &here) == 0 else { return nil }
        guard lstat(PathBytes.join(inbox, other), &there) == 0 else { return false }
        return here.st_ino == there.st_ino && here.st_dev == there.st_dev
    }

    /// Removes an inbox entry that is already safe here under another link (crash recovery only).
    public func dropDuplicateLink(_ name: FileName, in inbox: String) throws(InboxError) {
        guard unlink(PathBytes.join(inbox, name)) == 0 else { throw .system("unlink \(name)", errno) }
    }

    /// Inbox and state on different filesystems: copy, sync, then remove the original.
    func copyAcross(_ name: FileName, source: [CChar], target: [CChar], candidate: FileName) throws(InboxError) {
        let input = open(source, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { throw .system("open \(name)", errno) }
        defer { close(input) }
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard output >= 0 else { throw .system("create \(candidate)", errno) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
            if n < 0 { let e = errno; close(output); unlink(target); throw .system("read \(name)", e) }
            if n == 0 { break }
            let written = buffer.withUnsafeBytes { write(output, $0.baseAddress, n) }
            if written != n { let e = errno; close(output); unlink(target); throw .system("write \(candidate)", e) }
        }
        guard fsync(output) == 0, close(output) == 0 else { throw .system("sync \(candidate)", errno) }
        guard unlink(source) == 0 else { throw .system("unlink \(name)", errno) }
    }

    /// Writes a small file beside an original (the reason a file failed), replacing none.
    public func writeNote(named name: FileName, contents: String) throws(InboxError) {
        let path = PathBytes.join(directory, name)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else { throw .system("create \(name)", errno) }
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw .system("write \(name)", errno) }
    }

    public func path(of name: FileName) -> String {
        directory.hasSuffix("/") ? directory + name.description : directory + "/" + name.description
    }
}
