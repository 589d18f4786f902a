#if canImport(Glibc)
import Glibc
#endif

/// Limits for running pdftotext on an untrusted file.
public struct PDFExtractorLimits: Sendable, Equatable {
    /// The program; the service's sandbox must allow executing it.
    public var executable = "/usr/bin/pdftotext"
    /// Wall-clock time before the child is killed.
    public var timeoutSeconds = 30.0
    /// CPU seconds (RLIMIT_CPU) and address space (RLIMIT_AS) of the child.
    public var cpuSeconds = 30
    public var memoryBytes = 1 << 30
    /// Largest output file (RLIMIT_FSIZE).
    public var outputBytes = 256 << 20
    /// Where the input and output files live while pdftotext runs (a private directory is made inside).
    public var temporaryDirectory = "/tmp"

    public init() {}
}

/// Runs `pdftotext -bbox-layout` on PDF bytes: no shell, the input and output in a private temporary
/// directory, the child under time, CPU, memory and file-size limits set between fork and exec.
struct PopplerProcess {
    var limits: PDFExtractorLimits

    /// The XHTML word boxes of the PDF.
    func wordBoxes(of pdf: [UInt8]) throws(FormatError) -> [UInt8] {
        var template = Array((limits.temporaryDirectory + "/renewald-pdf-XXXXXX").utf8CString)
        guard let dirPointer = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .extractorUnavailable("cannot make a temporary directory in \(limits.temporaryDirectory)")
        }
        let dir = String(cString: dirPointer)
        let input = dir + "/input.pdf", output = dir + "/words.html", errors = dir + "/stderr.txt"
        defer {
            unlink(input); unlink(output); unlink(errors)
            rmdir(dir)
        }
        guard Self.write(pdf, to: input) else { throw .extractorUnavailable("cannot write \(input)") }
        let status = try run([limits.executable, "-bbox-layout", "-enc", "UTF-8", input, output], stderrPath: errors)
        let stderr = String(decoding: Self.read(errors, limit: 4096) ?? [], as: UTF8.self)
        switch status {
        case .exited(0):
            guard let xhtml = Self.read(output, limit: limits.outputBytes) else { throw .brokenPDF("pdftotext wrote no output") }
            return xhtml
        case .exited(3):
            throw .encryptedPDF
        case .exited(let code):
            if stderr.contains("password") || stderr.contains("ncrypt") { throw .encryptedPDF }
            let why = stderr.split(separator: "\n").first.map(String.init) ?? "pdftotext exited with \(code)"
            throw .brokenPDF(why)
        case .signaled(let signal):
            if signal == SIGKILL || signal == SIGXCPU { throw .extractionLimit("pdftotext ran out of time") }
            if signal == SIGXFSZ { throw .extractionLimit("pdftotext wrote more than \(limits.outputBytes) bytes") }
            throw .brokenPDF("pdftotext crashed with signal \(signal) (perhaps the \(limits.memoryBytes >> 20) MB memory limit)")
        case .timedOut:
            throw .extractionLimit("pdftotext did not finish in \(Int(limits.timeoutSeconds)) s")
        }
    }

    enum Status: Equatable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut
    }

    /// fork + exec with limits; everything the child touches is prepared before the fork, and the
    /// child calls only async-signal-safe functions.
    func run(_ arguments: [String], stderrPath: String) throws(FormatError) -> Status {
        guard access(limits.executable, X_OK) == 0 else { throw .extractorUnavailable("\(limits.executable) is not installed (Debian: poppler-utils)") }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = [strdup("LANG=C.UTF-8"), nil]
        defer { for p in argv + envp { free(p) } }
        let devNull = open("/dev/null", O_RDONLY | O_CLOEXEC)
        let errFD = open(stderrPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer { if devNull >= 0 { close(devNull) }; if errFD >= 0 { close(errFD) } }
        guard devNull >= 0, errFD >= 0 else { throw .extractorUnavailable("cannot open /dev/null or \(stderrPath)") }
        var cpu = rlimit(rlim_cur: rlim_t(limits.cpuSeconds), rlim_max: rlim_t(limits.cpuSeconds + 1))
        var memory = rlimit(rlim_cur: rlim_t(limits.memoryBytes), rlim_max: rlim_t(limits.memoryBytes))
        var fileSize = rlimit(rlim_cur: rlim_t(limits.outputBytes), rlim_max: rlim_t(limits.outputBytes))
        var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
        let path = argv[0]!

        let pid = fork()
        if pid == 0 {
            // Fail closed: no limits, no run (a sandbox that forbids prlimit64 must say so).
            if setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &cpu) != 0
                || setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &memory) != 0
                || setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &fileSize) != 0
                || setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore) != 0 {
                _exit(126)
            }
            dup2(devNull, 0)
            dup2(errFD, 1)
            dup2(errFD, 2)
            var fd: Int32 = 3
            while fd < 1024 { close(fd); fd += 1 }
            argv.withUnsafeBufferPointer { a in
                envp.withUnsafeBufferPointer { e in
                    _ = execve(path, a.baseAddress!, e.baseAddress!)
                }
            }
            _exit(127)
        }
        guard pid > 0 else { throw .extractorUnavailable("fork failed: \(String(cString: strerror(errno)))") }

        var status: Int32 = 0
        var waited = 0.0
        var pause = 0.002
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0, errno != EINTR { throw .extractorUnavailable("waitpid failed") }
            if waited >= limits.timeoutSeconds {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                return .timedOut
            }
            usleep(useconds_t(pause * 1_000_000))
            waited += pause
            pause = min(pause * 2, 0.05)
        }
        let low = status & 0x7F
        if low == 0 {
            let code = (status >> 8) & 0xFF
            if code == 126 { throw .extractorUnavailable("cannot set resource limits for \(limits.executable) (the sandbox must allow prlimit64)") }
            if code == 127 { throw .extractorUnavailable("cannot execute \(limits.executable)") }
            return .exited(code)
        }
        return .signaled(low)
    }

    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return false }
            offset += n
        }
        return true
    }

    /// A file's bytes, or nil when it is missing or larger than `limit`.
    static func read(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return out }
            out += chunk[..<n]
            if out.count > limit { return nil }
        }
    }
}
