import Foundation
import ReportModel
import Testing

/// Clients that are slow, greedy or deaf: each is held to a documented limit and others stay served.
/// (The long versions, with hundreds of clients, are in Tests/reliability.)
@Suite(.serialized) struct AbusiveClientEndToEndTests {
    /// Writing to a connection the daemon closed must fail the write, not kill the test process.
    init() { signal(SIGPIPE, SIG_IGN) }

    /// More requests in one write than may be in progress at once: all wait their turn, none is refused.
    @Test func pipelinedRequestsBeyondTheInFlightLimitAllSucceed() throws {
        let d = try DaemonHarness()
        try d.start()
        let c = try d.client()
        var burst = ""
        for i in 0..<2500 { burst += "{\"op\":\"stats\",\"id\":\(i)}\n" }
        // Write from another thread: the daemon applies back-pressure, so the write may block until we read.
        let fd = c.fd, bytes = Array(burst.utf8)
        let writer = Thread {
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
                guard n > 0 else { return }
                offset += n
            }
        }
        writer.start()
        var failures = 0
        for i in 0..<2500 {
            let answer = try c.readJSON()
            #expect(answer["id"] == .int(i))
            if answer["ok"] != .bool(true) { failures += 1 }
        }
        #expect(failures == 0, "pipelined requests were refused instead of waiting")
    }

    /// A client dripping bytes of a line it never finishes is closed after the idle timeout, like an idle one.
    @Test func slowlorisIsClosedAfterTheIdleTimeout() throws {
        let d = try DaemonHarness(config: "idle_timeout_s = 1\n")
        try d.start()
        let c = try d.client()
        let started = Date()
        var closed = false
        while Date().timeIntervalSince(started) < 6 {
            if (try? c.send(raw: [UInt8(ascii: "x")])) == nil { closed = true; break }
            usleep(200_000)
        }
        #expect(closed, "a client that never completes a line must not hold its connection forever")
        #expect(try d.client().request(["op": "ping"])["ok"] == .bool(true))
    }

    /// A client that writes requests and never reads the answers is not read further once its
    /// answers back up, so it cannot grow the daemon's memory.
    @Test func aClientThatNeverReadsIsHeldBack() throws {
        let d = try DaemonHarness()
        try d.start()
        let c = try d.client()
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(c.fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let line = Array("{\"op\":\"hello\"}\n".utf8)
        let chunk = Array([[UInt8]](repeating: line, count: 4096).joined())
        var sent = 0
        while sent < 200 * chunk.count {
            guard (try? c.send(raw: chunk)) != nil else { break }
            sent += chunk.count
        }
        #expect(sent < 200 * chunk.count, "the daemon read \(sent) bytes of requests whose answers nobody reads")
        #expect(try d.client().request(["op": "ping"])["ok"] == .bool(true))
    }
}
