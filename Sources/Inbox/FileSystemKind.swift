import CStatfs
#if canImport(Glibc)
import Glibc
#endif

/// What file system a folder is on, from `statfs`'s `f_type`, and whether inotify can be trusted
/// there. inotify reports only changes made through this machine's kernel: on a network share (NFS,
/// SMB/CIFS, 9p, Ceph…) or a FUSE mount, files written by another machine, or by the server behind
/// the mount, never raise an event, so such an inbox must be polled.
public struct FileSystemKind: Sendable, Equatable, CustomStringConvertible {
    public let magic: UInt64
    /// A short name for logs and `stats` (`nfs`, `cifs`, `ext4/ext3/ext2`…); hex when unknown.
    public let name: String
    /// Files may change there without this kernel seeing it: inotify would miss them.
    public let isRemote: Bool

    /// Network and userspace file systems, where inotify misses changes made elsewhere (linux/magic.h).
    static let remote: [UInt64: String] = [
        0x6969: "nfs", 0x517B: "smb", 0xFF53_4D42: "cifs", 0xFE53_4D42: "smb2", 0x6573_5546: "fuse",
        0x0102_1997: "9p", 0x00C3_6400: "ceph", 0x7375_7245: "coda", 0x5346_414F: "afs", 0x6B41_4653: "afs",
        0x564C: "ncp", 0x786F_4256: "vboxsf", 0x0BD0_0BD0: "lustre", 0x4750_4653: "gpfs",
    ]

    /// Local file systems worth naming in a log line.
    static let local: [UInt64: String] = [
        0xEF53: "ext4/ext3/ext2", 0x5846_5342: "xfs", 0x9123_683E: "btrfs", 0x0102_1994: "tmpfs",
        0x794C_7630: "overlay", 0x2FC1_2FC1: "zfs", 0xF2F5_2010: "f2fs", 0x4D44: "vfat",
    ]

    public init(magic: UInt64) {
        self.magic = magic
        if let name = Self.remote[magic] {
            self.name = name
            isRemote = true
        } else {
            name = Self.local[magic] ?? "0x" + String(magic, radix: 16)
            isRemote = false
        }
    }

    public var description: String { "\(name) (f_type 0x\(String(magic, radix: 16)))" }

    /// The file system `path` is on; nil when it cannot be asked (the caller then trusts inotify).
    public static func of(_ path: String) -> FileSystemKind? {
        var fs = statfs()
        guard statfs(path, &fs) == 0 else { return nil }
        // f_type is a signed word on some ABIs: the magic is its low 32 bits.
        return FileSystemKind(magic: UInt64(UInt32(truncatingIfNeeded: fs.f_type)))
    }
}
