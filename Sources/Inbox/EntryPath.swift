#if canImport(Glibc)
import Glibc
#endif

/// Where an entry lives, for the `*at` calls: its folder opened component by component without
/// following any symbolic link, and its last part. Members own the subfolders they make, so one
/// could swap a subfolder for a link to elsewhere between a scan and a read; through an `EntryPath`
/// the daemon then refuses (`ELOOP`/`ENOTDIR`) instead of reading, moving or deleting a file outside
/// the tree (its database, another member's archived file). A name at the top of `directory` (which
/// the configuration names, and members cannot replace) is used by its full path, as before.
final class EntryPath {
    /// The folder to resolve `base` in: `AT_FDCWD` for a name at the top.
    let folder: Int32
    let base: [CChar]

    /// Opens the folders of `name` inside `directory`; nil with `errno` set when one is missing
    /// (`ENOENT`) or is not a real folder (`ELOOP`, `ENOTDIR`).
    init?(_ directory: String, _ name: FileName) {
        guard let parent = name.folder else {
            folder = AT_FDCWD
            base = PathBytes.join(directory, name)
            return
        }
        var fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        for part in parent.components {
            let next = openat(fd, Array(part).map { CChar(bitPattern: $0) } + [0], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let e = errno
            close(fd)
            guard next >= 0 else {
                errno = e
                return nil
            }
            fd = next
        }
        folder = fd
        base = name.base.bytes.map { CChar(bitPattern: $0) } + [0]
    }

    deinit { if folder != AT_FDCWD { close(folder) } }

    /// `lstat` of the entry (never following it).
    func status() -> stat? {
        var st = stat()
        return fstatat(folder, base, &st, AT_SYMLINK_NOFOLLOW) == 0 ? st : nil
    }

    /// Whether the error of a failed open says a folder on the way is not a real folder (a link put
    /// there): the entry is then not in the tree at all.
    static func isSwapped(_ e: Int32) -> Bool { e == ELOOP || e == ENOTDIR }
}
