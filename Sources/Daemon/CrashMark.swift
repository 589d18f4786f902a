import Foundation

/// Leaves `STATE/crashed` behind when the daemon dies on a crash signal (a Swift trap, a segfault,
/// an abort), so the next start knows the death was not a `kill -9` or a power cut and holds it
/// against the files that were in hand (`InHandRecord`).
///
/// The handler does only what is safe in a signal handler (open, write, fsync, close on a path made
/// beforehand), then re-raises the signal with its default action.
enum CrashMark {
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?

    static func install(stateDirectory: String) {
        guard path == nil else { return }
        path = strdup(stateDirectory + "/crashed")
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT] {
            signal(sig) { sig in
                if let path = CrashMark.path {
                    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
                    if fd >= 0 {
                        _ = write(fd, "1\n", 2)
                        fsync(fd)
                        close(fd)
                    }
                }
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    /// Whether the previous run left the mark; removes it.
    static func consume(stateDirectory: String) -> Bool {
        let file = stateDirectory + "/crashed"
        guard access(file, F_OK) == 0 else { return false }
        unlink(file)
        return true
    }
}
