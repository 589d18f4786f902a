#if canImport(Glibc)
import Glibc
#endif

/// Which file a name pointed to and what it held: device, inode, size and modification time.
/// Two looks at a name that give the same identity saw the same, unchanged file.
public struct FileIdentity: Sendable, Hashable {
    public let device: UInt64
    public let inode: UInt64
    public let size: Int
    public let modified: Int64   // nanoseconds since the epoch

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int(st.st_size)
        modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }

    public init(device: UInt64, inode: UInt64, size: Int, modified: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
    }

    /// The same inode (whatever it holds now).
    public func isSameFile(as other: FileIdentity) -> Bool { device == other.device && inode == other.inode }

    /// What `directory/name` is now, without following a link; nil when there is nothing there.
    public static func of(_ name: FileName, in directory: String) -> FileIdentity? {
        EntryPath(directory, name)?.status().map(FileIdentity.init)
    }
}
