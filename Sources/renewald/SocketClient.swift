#if canImport(Glibc)
import Glibc
#endif

/// Why the daemon could not be reached: a connection problem, not a usage mistake.
struct SocketClientError: Error, CustomStringConvertible {
    var description: String
}

/// A blocking Unix stream socket client: the whole system interface of `renewald query`.
struct SocketClient {
    let fd: Int32

    init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketClientError(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw SocketClientError(description: "socket path too long: \(path)") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard rc == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw SocketClientError(description: "cannot connect to \(path): \(why) (is renewald running?)")
        }
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SocketClientError(description: "cannot send to the daemon: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    /// Half-closes: the daemon answers what it got, then closes.
    func finishSending() { shutdown(fd, Int32(SHUT_WR)) }

    /// The next bytes from the daemon, nil at end.
    func receive() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            return n > 0 ? Array(buffer[..<n]) : nil
        }
    }
}
