#if canImport(Glibc)
import Glibc
#endif

/// Lists what is in the inbox now (at start, after an inotify overflow, and on every poll).
public enum InboxScanner {
    /// Folders deeper than this are not looked into: a runaway tree (or a loop through a bind
    /// mount) cannot keep a scan going for ever.
    public static let maxDepth = 8

    /// What a scan of the inbox tree found, as names relative to the inbox.
    public struct Tree: Sendable, Equatable {
        /// Every entry that is not a folder looked into (files, and links, FIFOs… for failed/), in name order.
        public var files: [FileName] = []
        /// Every subfolder looked into, parents before children.
        public var folders: [FileName] = []
    }

    /// Every entry except `.`/`..`, in name order so ingest order is predictable.
    public static func entries(of directory: String) throws(InboxError) -> [FileName] {
        try list(PathBytes.c(directory), shown: directory).map(\.name)
    }

    /// The inbox and its subfolders: files at any depth up to `maxDepth`. Dot-folders are not looked
    /// into (they are someone's work in progress); symbolic links to folders are never followed.
    /// A subfolder that cannot be listed is skipped (it is looked at again by the next scan).
    public static func tree(of directory: String, below folder: FileName? = nil, maxDepth: Int = maxDepth) throws(InboxError) -> Tree {
        var tree = Tree()
        try walk(directory, folder, depth: folder?.components.count ?? 0, maxDepth: maxDepth, into: &tree)
        return tree
    }

    private static func walk(_ root: String, _ folder: FileName?, depth: Int, maxDepth: Int, into tree: inout Tree) throws(InboxError) {
        let path = folder.map { PathBytes.join(root, $0) } ?? PathBytes.c(root)
        let entries: [(name: FileName, isFolder: Bool)]
        do {
            entries = try list(path, shown: folder.map { "\(root)/\($0.escaped)" } ?? root)
        } catch {
            if folder == nil { throw error }
            return
        }
        for entry in entries {
            let name = folder.map { $0.appending(entry.name) } ?? entry.name
            if entry.isFolder {
                guard entry.name.bytes.first != UInt8(ascii: "."), depth < maxDepth else { continue }
                tree.folders.append(name)
                try walk(root, name, depth: depth + 1, maxDepth: maxDepth, into: &tree)
            } else {
                tree.files.append(name)
            }
        }
    }

    /// One directory's entries, each marked when it is a real folder (never a link to one).
    static func list(_ path: [CChar], shown: String) throws(InboxError) -> [(name: FileName, isFolder: Bool)] {
        guard let dir = opendir(path) else { throw .system("opendir \(shown)", errno) }
        defer { closedir(dir) }
        var found: [(name: FileName, isFolder: Bool)] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            let name = FileName(bytes: bytes)
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                // Some network file systems do not fill in the type: ask.
                var st = stat()
                isFolder = lstat(PathBytes.join(path, name), &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
            }
            found.append((name, isFolder))
        }
        return found.sorted { $0.name.bytes.lexicographicallyPrecedes($1.name.bytes) }
    }
}
