import Foundation
import ReportModel

/// A blocking NDJSON client over a Unix socket, for tests.
final class LineClient {
    let fd: Int32
    private var buffer: [UInt8] = []

    init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard rc == 0 else {
            close(fd)
            throw HarnessError("connect \(path): errno \(errno)")
        }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(raw: [UInt8]) throws {
        var offset = 0
        while offset < raw.count {
            let n = raw.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            guard n > 0 else { throw HarnessError("write failed: errno \(errno)") }
            offset += n
        }
    }

    func send(_ line: String) throws { try send(raw: Array((line + "\n").utf8)) }

    /// The next line, or nil at end of stream.
    func readLine() throws -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { return nil }
            guard n > 0 else { throw HarnessError("read failed or timed out: errno \(errno)") }
            buffer.append(contentsOf: chunk[..<n])
        }
    }

    func readJSON() throws -> JSONValue {
        guard let line = try readLine() else { throw HarnessError("connection closed") }
        return try JSONValue.parse(line)
    }

    func request(_ fields: [String: JSONValue]) throws -> JSONValue {
        let object = JSONValue.object(fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        try send(object.serialized())
        return try readJSON()
    }

    func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
}
