#if canImport(Glibc)
import Glibc
#endif

/// Lists what is in the inbox now (at start, and after an inotify overflow).
public enum InboxScanner {
    /// Every entry except `.`/`..`, in name order so ingest order is predictable.
    public static func entries(of directory: String) throws(InboxError) -> [FileName] {
        guard let dir = opendir(directory) else { throw .system("opendir \(directory)", errno) }
        defer { closedir(dir) }
        var names: [FileName] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            names.append(FileName(bytes: bytes))
        }
        return names.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }
}
