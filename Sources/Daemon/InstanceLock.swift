import Foundation

/// Keeps a second daemon off this one's state directory and socket.
///
/// The lock is `flock` on `STATE/renewald.lock`, held for the process's life (the kernel drops it
/// when the process dies, however it dies, so a crash never leaves a stale lock).
final class InstanceLock: Sendable {
    let fd: Int32

    init(stateDirectory: String) throws {
        let path = stateDirectory + "/renewald.lock"
        fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw InstanceError("cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let e = errno
            close(fd)
            if e == EWOULDBLOCK {
                throw InstanceError("another renewald is already using the state directory \(stateDirectory); refusing to share it")
            }
            throw InstanceError("cannot lock \(path): \(String(cString: strerror(e)))")
        }
    }

    deinit { close(fd) }

    /// Throws when something answers on the Unix socket at `path`: it belongs to a running daemon,
    /// which replacing the socket file would strand. A stale socket file (nobody listening) is fine.
    static func refuseLiveSocket(_ path: String) throws {
        var st = stat()
        guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFSOCK else { return }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        // ECONNREFUSED: a socket file nobody listens on (a daemon that died): safe to replace.
        if connected == 0 || errno == EAGAIN {
            throw InstanceError("another renewald is listening on \(path); refusing to take its socket")
        }
    }

    /// Creates the database file readable by the daemon alone (0600) before SQLite opens it, which
    /// would otherwise create it under the process umask (0644 when run by hand).
    static func createPrivately(_ path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw InstanceError("cannot create \(path): \(String(cString: strerror(errno)))") }
        close(fd)
    }
}

/// Why the daemon cannot start alongside another, or cannot create its files.
struct InstanceError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
