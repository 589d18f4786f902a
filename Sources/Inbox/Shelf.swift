#if canImport(Glibc)
import Glibc
#endif

/// A directory that originals are moved into (`archive/`, `failed/`). Nothing is ever deleted:
/// a name already taken gets a counter (`a.txt`, `a.1.txt`, …). A file from a subfolder of the inbox
/// keeps its subfolder here (`archive/district/a.txt`), made when first needed.
public struct Shelf: Sendable {
    public let directory: String
    /// Mode of the subfolders it makes (before the umask).
    let folderMode: mode_t

    public init(directory: String, folderMode: mode_t = 0o750) throws(InboxError) {
        self.directory = directory
        self.folderMode = folderMode
        if mkdir(directory, 0o750) != 0 && errno != EEXIST { throw .system("mkdir \(directory)", errno) }
    }

    /// The first free name for `name` here (`a.txt`, `a.1.txt`, …), leaving `reserving` bytes of
    /// NAME_MAX for a suffix (a note beside it). Only the ingest thread moves files in, so the name
    /// stays free until `move` uses it.
    /// `taken` holds names already promised to other files of the same batch.
    public func freeName(for name: FileName, reserving: Int = 0, taken: Set<FileName> = []) -> FileName {
        for n in 0..<100_000 {
            let candidate = name.variant(n, maxBytes: FileName.maxBytes - reserving)
            guard !taken.contains(candidate) else { continue }
            // A folder not made yet holds no name; a folder that is a link is refused by `move`.
            guard let entry = EntryPath(directory, candidate) else { if errno == ENOENT { return candidate } else { continue } }
            if entry.status() == nil && errno == ENOENT { return candidate }
        }
        return name.variant(Int.random(in: 100_000..<Int.max))
    }

    /// Moves `name` from `inbox` here as `target`, never replacing an existing file.
    ///
    /// With `expecting`, only that very file (same device and inode) is moved: a file renamed over the
    /// name since it was read is left in the inbox (`InboxError.replaced`) for its own turn.
    /// Across file systems (inbox and state are separate mounts under the unit) a regular file is
    /// copied, a symlink, FIFO or socket is made anew here (never followed, opened or read) and the
    /// original removed; a directory cannot be moved across and throws.
    public func move(_ name: FileName, from inbox: String, to target: FileName, expecting: FileIdentity? = nil) throws(InboxError) {
        try makeFolder(for: target)
        // Both ends through their folders opened without following links (see `EntryPath`).
        guard let source = EntryPath(inbox, name) else { throw .system("move \(name)", EntryPath.isSwapped(errno) ? ENOENT : errno) }
        guard let destination = EntryPath(directory, target) else { throw .system("move \(name) to \(target)", errno) }
        if let expecting {
            guard let now = source.status().map(FileIdentity.init) else { throw .system("move \(name)", ENOENT) }
            guard now.isSameFile(as: expecting) else { throw .replaced(name.description) }
        }
        // link+unlink cannot clobber (link fails with EEXIST), and a crash between the two
        // leaves the same inode in both places, which recovery recognises.
        if linkat(source.folder, source.base, destination.folder, destination.base, 0) == 0 {
            if let expecting, let linked = destination.status().map(FileIdentity.init), !linked.isSameFile(as: expecting) {
                unlinkat(destination.folder, destination.base, 0)   // replaced in the instant between the check and the link
                throw .replaced(name.description)
            }
            guard unlinkat(source.folder, source.base, 0) == 0 else { throw .system("unlink \(name)", errno) }
            return
        }
        switch errno {
        case EPERM, EXDEV, EMLINK, ENOTSUP:
            // Directories, files the daemon does not own (protected_hardlinks) and other mounts refuse hard links.
            if destination.status() != nil { throw .system("move \(name) to \(target)", EEXIST) }
            if renameat(source.folder, source.base, destination.folder, destination.base) == 0 { return }
            if errno == EXDEV { try moveAcross(name, source: source, target: destination, candidate: target, expecting: expecting); return }
            throw .system("rename \(name)", errno)
        default:
            throw .system("link \(name)", errno)
        }
    }

    /// Makes the subfolders `target` lies in, as folders of this shelf's owner (never through a
    /// symbolic link: a component that is not a real folder is refused).
    public func makeFolder(for target: FileName) throws(InboxError) {
        guard let folder = target.folder else { return }
        var fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .system("open \(directory)", errno) }
        defer { close(fd) }
        for part in folder.components {
            let c = Array(part).map { CChar(bitPattern: $0) } + [0]
            if mkdirat(fd, c, folderMode) != 0 && errno != EEXIST { throw .system("mkdir \(folder.escaped)", errno) }
            // Made or found, it must be a real folder: opened without following a link.
            let next = openat(fd, c, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { throw .system("mkdir \(folder.escaped)", EntryPath.isSwapped(errno) ? ENOTDIR : errno) }
            close(fd)
            fd = next
        }
    }

    /// Inbox and state on different file systems: regular files are copied and synced; links, FIFOs
    /// and sockets are made anew; then the original is removed.
    func moveAcross(_ name: FileName, source: EntryPath, target: EntryPath, candidate: FileName,
                    expecting: FileIdentity?) throws(InboxError) {
        guard let st = source.status() else { throw .system("lstat \(name)", errno) }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            try copyAcross(name, source: source, target: target, candidate: candidate, expecting: expecting)
            return
        case S_IFLNK:
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlinkat(source.folder, source.base, &buffer, buffer.count - 1)
            guard n >= 0 else { throw .system("readlink \(name)", errno) }
            buffer[n] = 0
            guard symlinkat(buffer, target.folder, target.base) == 0 else { throw .system("symlink \(candidate)", errno) }
        case S_IFIFO:
            guard mkfifoat(target.folder, target.base, st.st_mode & 0o640) == 0 else { throw .system("mkfifo \(candidate)", errno) }
        case S_IFSOCK:
            guard mknodat(target.folder, target.base, S_IFSOCK | (st.st_mode & 0o640), 0) == 0 else {
                throw .system("mknod \(candidate)", errno)
            }
        default:
            throw .system("move \(name) across file systems", EXDEV)
        }
        guard unlinkat(source.folder, source.base, 0) == 0 else {
            let e = errno
            unlinkat(target.folder, target.base, 0)
            throw .system("unlink \(name)", e)
        }
    }

    /// Whether `name` here is the very file (same inode) as `other` in `inbox`.
    public func holdsSameFile(_ name: FileName, as other: FileName, in inbox: String) -> Bool? {
        guard let here = EntryPath(directory, name)?.status() else { return nil }
        guard let there = EntryPath(inbox, other)?.status() else { return false }
        return here.st_ino == there.st_ino && here.st_dev == there.st_dev
    }

    /// Removes an inbox entry that is already safe here under another link (crash recovery only).
    public func dropDuplicateLink(_ name: FileName, in inbox: String) throws(InboxError) {
        guard let entry = EntryPath(inbox, name) else { throw .system("unlink \(name)", errno) }
        guard unlinkat(entry.folder, entry.base, 0) == 0 else { throw .system("unlink \(name)", errno) }
    }

    /// Copies a regular file (opened without following links or blocking), syncs the copy, then
    /// removes the original: only if it is still the file that was opened.
    func copyAcross(_ name: FileName, source: EntryPath, target: EntryPath, candidate: FileName,
                    expecting: FileIdentity?) throws(InboxError) {
        let input = openat(source.folder, source.base, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard input >= 0 else { throw .system("open \(name)", errno) }
        defer { close(input) }
        var st = stat()
        guard fstat(input, &st) == 0 else { throw .system("fstat \(name)", errno) }
        guard st.st_mode & S_IFMT == S_IFREG else { throw .system("copy \(name): not a regular file", EINVAL) }
        let opened = FileIdentity(st)
        if let expecting, !opened.isSameFile(as: expecting) { throw .replaced(name.description) }
        let output = openat(target.folder, target.base, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard output >= 0 else { throw .system("create \(candidate)", errno) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
            if n < 0 { let e = errno; close(output); unlinkat(target.folder, target.base, 0); throw .system("read \(name)", e) }
            if n == 0 { break }
            let written = buffer.withUnsafeBytes { write(output, $0.baseAddress, n) }
            if written != n { let e = errno; close(output); unlinkat(target.folder, target.base, 0); throw .system("write \(candidate)", e) }
        }
        guard fsync(output) == 0, close(output) == 0 else { throw .system("sync \(candidate)", errno) }
        // Renamed over while copying: the copy holds the file that was read; the new one stays for its turn.
        guard let now = source.status(), FileIdentity(now).isSameFile(as: opened) else { return }
        guard unlinkat(source.folder, source.base, 0) == 0 else { throw .system("unlink \(name)", errno) }
    }

    /// Writes a small file beside an original (the reason a file failed), replacing nothing: created
    /// with O_EXCL, and under `NAME.1.json`, `NAME.2.json`… when the name is taken.
    /// Returns the name used.
    @discardableResult
    public func writeNote(named name: FileName, contents: String) throws(InboxError) -> FileName {
        var fd: Int32 = -1
        var used = name
        for n in 0..<1000 {
            used = name.variant(n)
            fd = open(PathBytes.join(directory, used), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o640)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw .system("create \(used)", errno) }
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw .system("write \(used)", errno) }
        return used
    }
    /// Writes `bytes` as a new file `name` here (O_EXCL: never over an existing one) and syncs it.
    public func writeCopy(_ bytes: [UInt8], named name: FileName) throws(InboxError) {
        try makeFolder(for: name)
        let path = PathBytes.join(directory, name)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw .system("create \(name)", errno) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { let e = errno; close(fd); unlink(path); throw .system("write \(name)", e) }
            offset += n
        }
        guard fsync(fd) == 0, close(fd) == 0 else { throw .system("sync \(name)", errno) }
    }

    public func path(of name: FileName) -> String {
        directory.hasSuffix("/") ? directory + name.description : directory + "/" + name.description
    }

    /// Whether `name` here is a regular file, reached without following any link; nil when there is
    /// nothing there by that way.
    public func isRegularFile(_ name: FileName) -> Bool? {
        EntryPath(directory, name)?.status().map { $0.st_mode & S_IFMT == S_IFREG }
    }

    /// The name here of `path` as `path(of:)` wrote it; nil when it lies elsewhere (or climbs out with `..`).
    public func name(ofPath path: String) -> FileName? {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        guard path.hasPrefix(prefix) else { return nil }
        let name = FileName(String(path.dropFirst(prefix.count)))
        return name.isPlainRelativePath ? name : nil
    }
}
