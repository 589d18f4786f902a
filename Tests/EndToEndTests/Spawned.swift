import Foundation

/// A child started with `posix_spawn` and waited for with `waitpid` on its own pid.
///
/// Foundation's `Process.waitUntilExit()` and `isRunning` learn of the child's exit through its own
/// SIGCHLD handling and a run loop, which a test's worker thread does not run: a CI dry run hung there
/// for good after the child had exited (session 12). Every pipe is made close-on-exec, so a child
/// started at the same moment by another test never holds it open.
final class Spawned: @unchecked Sendable {
    let pid: pid_t
    private var exitStatus: Int32?
    private let lock = NSLock()

    /// Starts `path` with `arguments`; stdin is /dev/null, stdout and stderr go to `output` (a descriptor
    /// the caller keeps and closes) or to /dev/null.
    init(_ path: String, _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
         output: Int32? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let output {
            posix_spawn_file_actions_adddup2(&actions, output, 1)
            posix_spawn_file_actions_adddup2(&actions, output, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw HarnessError("cannot start \(path): \(String(cString: strerror(spawned)))") }
        self.pid = pid
    }

    /// Whether the child has not exited yet (it is reaped once it has).
    var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        if exitStatus != nil { return false }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return true }
        exitStatus = Self.decode(status)
        return false
    }

    /// Blocks until the child exits; its exit code, or 128 + the signal that ended it.
    @discardableResult
    func wait() -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let decoded = Self.decode(status)
        exitStatus = decoded
        return decoded
    }

    static func decode(_ status: Int32) -> Int32 {
        status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Runs `path` to its end and returns its exit status and everything it wrote to stdout and stderr.
    static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw HarnessError("pipe: \(String(cString: strerror(errno)))") }
        // (pipe2 is not in Swift's Glibc: marked at once.)
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let child: Spawned
        do {
            child = try Spawned(path, arguments, output: fds[1])
        } catch {
            close(fds[0]); close(fds[1])
            throw error
        }
        close(fds[1])
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            output += buffer[0..<n]
        }
        close(fds[0])
        return (child.wait(), String(decoding: output, as: UTF8.self))
    }
}
