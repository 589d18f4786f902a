#if canImport(Glibc)
import Glibc
#endif

/// The process's open-file limit, which bounds how many connections can really be accepted.
enum DescriptorLimit {
    /// Descriptors kept for everything but connections: database, WAL, inotify, the inbox files, logs.
    static let reserve = 64

    /// Raises the soft limit to the hard one (systemd starts services at 1024 soft, 524288 hard) and
    /// returns how many connections fit under it. Without this, ~1000 idle clients exhaust the
    /// descriptors before `max_connections` is reached, and new clients hang in the listen backlog
    /// instead of being answered `overloaded`.
    static func connectionsThatFit() -> Int {
        var limit = rlimit()
        guard getrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0 else { return Int.max }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(RLIMIT_NOFILE_VALUE, &raised) == 0 { limit = raised }
        }
        if limit.rlim_cur == rlim_t.max { return Int.max }   // RLIM_INFINITY
        return max(1, Int(clamping: limit.rlim_cur) - reserve)
    }

    /// `RLIMIT_NOFILE` as the type getrlimit wants (an enum in Glibc's Swift import).
    static var RLIMIT_NOFILE_VALUE: __rlimit_resource_t { __rlimit_resource_t(UInt32(RLIMIT_NOFILE.rawValue)) }
}
