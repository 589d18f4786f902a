import Foundation

/// Runs a program with bytes on its stdin, within a time limit, for the batch command: the only code
/// that spawns a process of the user's choosing. The child gets its own process group (so a shell
/// and what it starts are stopped together), default signal dispositions (the daemon ignores
/// SIGPIPE and SIGHUP), no descriptor of the daemon's (the listening socket, the database), and an
/// environment without systemd's notify and socket variables.
enum ChildProcess {
    enum Status: Sendable, Equatable {
        case exited(Int32)
        case signaled(Int32)
        /// Still running at the deadline: stopped (SIGTERM to its group, then SIGKILL).
        case timedOut
        /// Could not be started at all.
        case notStarted(String)
    }

    /// What a run came to, and the start of what the program wrote to stderr.
    struct Result: Sendable, Equatable {
        var status: Status
        var stderr: String
    }

    /// Variables the child must not see: they speak for the daemon to systemd.
    static let privateVariables: Set<String> = [
        "NOTIFY_SOCKET", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "WATCHDOG_USEC", "WATCHDOG_PID",
    ]

    /// Runs `path` with `input` on stdin, stdout to /dev/null, stderr kept (up to 4 KB); stops it
    /// after `timeout` seconds. Never waits longer than the timeout plus two seconds.
    static func run(_ path: String, input: [UInt8], timeout: Double) -> Result {
        var inPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard pipe(&inPipe) == 0 else { return Result(status: .notStarted("pipe: \(String(cString: strerror(errno)))"), stderr: "") }
        guard pipe(&errPipe) == 0 else {
            close(inPipe[0]); close(inPipe[1])
            return Result(status: .notStarted("pipe: \(String(cString: strerror(errno)))"), stderr: "")
        }
        // pipe2(O_CLOEXEC) is not in Swift's Glibc: marked at once, so no other child inherits them.
        for fd in inPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        // Close every other descriptor in the child (those without O_CLOEXEC: an inherited socket).
        for fd in openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&empty)
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let variables = ProcessInfo.processInfo.environment.filter { !privateVariables.contains($0.key) }
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        close(inPipe[0])
        close(errPipe[1])
        guard spawned == 0 else {
            close(inPipe[1]); close(errPipe[0])
            return Result(status: .notStarted("\(path): \(String(cString: strerror(spawned)))"), stderr: "")
        }
        return supervise(pid: pid, stdin: inPipe[1], stderr: errPipe[0], input: input, timeout: timeout)
    }

    /// Feeds stdin, collects stderr and waits for the child, all without blocking past the deadline:
    /// a program that never reads its stdin or never exits cannot hold the caller.
    static func supervise(pid: pid_t, stdin: Int32, stderr: Int32, input: [UInt8], timeout: Double) -> Result {
        var stdin = stdin
        _ = fcntl(stdin, F_SETFL, fcntl(stdin, F_GETFL) | O_NONBLOCK)
        _ = fcntl(stderr, F_SETFL, fcntl(stderr, F_GETFL) | O_NONBLOCK)
        defer { if stdin >= 0 { close(stdin) }; close(stderr) }
        var written = 0
        if input.isEmpty { close(stdin); stdin = -1 }
        var errBytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var status: Int32 = 0
        func drainStderr() {
            while true {
                let n = buffer.withUnsafeMutableBytes { read(stderr, $0.baseAddress, $0.count) }
                guard n > 0 else { return }
                if errBytes.count < 4096 { errBytes += buffer[0..<min(n, 4096 - errBytes.count)] }
            }
        }
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                drainStderr()
                break
            }
            if ContinuousClock.now >= deadline {
                kill(-pid, SIGTERM)
                let grace = ContinuousClock.now + .seconds(2)
                while waitpid(pid, &status, WNOHANG) == 0 {
                    if ContinuousClock.now >= grace {
                        kill(-pid, SIGKILL)
                        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                        break
                    }
                    usleep(20_000)
                }
                kill(-pid, SIGKILL)   // anything the program left running in its group
                drainStderr()
                return Result(status: .timedOut, stderr: String(decoding: errBytes, as: UTF8.self))
            }
            var fds = [pollfd(fd: stderr, events: Int16(POLLIN), revents: 0)]
            if stdin >= 0 { fds.append(pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)) }
            _ = poll(&fds, nfds_t(fds.count), 50)
            if fds[0].revents != 0 { drainStderr() }
            if stdin >= 0, fds.count > 1, fds[1].revents != 0 {
                let n = input.withUnsafeBytes { write(stdin, $0.baseAddress! + written, $0.count - written) }
                if n > 0 { written += n }
                // Done, or the program closed its stdin (EPIPE): it need not read all of it.
                if written == input.count || (n < 0 && errno != EAGAIN && errno != EINTR) {
                    close(stdin)
                    stdin = -1
                }
            }
        }
        let low = status & 0x7F
        let result: Status = low == 0 ? .exited((status >> 8) & 0xFF) : .signaled(low)
        return Result(status: result, stderr: String(decoding: errBytes, as: UTF8.self))
    }

    /// The descriptors open in this process now (every one below 1024 when /proc cannot say).
    static func openDescriptors() -> [Int32] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return Array(0..<1024) }
        return names.compactMap { Int32($0) }
    }
}
