import PostgresStore

/// Everything the daemon needs to run, built once at the entry point and passed down.
public struct Configuration: Sendable, Equatable {
    public var inbox: String
    public var state: String
    public var socket: String
    /// A user taxonomy file; nil for the built-in themes.
    public var taxonomy: String?
    public var maxFileBytes: Int
    public var maxRequestBytes: Int
    public var idleTimeoutSeconds: Int
    public var maxConnections: Int
    public var logLevel: String
    /// Extra ops for tests (`debug_stall`); never set in production.
    public var testHooks: Bool
    /// Per-file analysis limits: a file over either fails with `analysis_timeout` / `analysis_memory`.
    public var maxAnalysisSeconds: Double = 30
    public var maxAnalysisMB: Int = 1536
    /// How long a file whose writer was not seen closing it must stay unchanged before it is taken.
    public var settleSeconds: Double = 2
    /// Input bytes analysed together at most (a larger file is analysed alone), bounding memory.
    public var batchBytes: Int = 32 << 20
    /// A PostgreSQL database shared with other hosts (`postgresql://USER@/DB?host=/socket/dir`);
    /// nil for SQLite in the state directory.
    public var store: String?
    /// The name recorded with every report this host stores in a shared database (default: the hostname).
    public var hostName: String?
    /// How the inbox is watched: inotify, polling, or chosen by the inbox's file system (`auto`).
    public var inboxWatch: InboxWatchMode = .auto
    /// Seconds between listings of a polled inbox.
    public var pollInterval: Double = 5
    /// A program run after each ingested batch with the batch's events as JSON on stdin; nil for none.
    public var batchCommand: String?
    /// Seconds a batch command may run before it is stopped.
    public var batchTimeout: Double = 30

    public init(inbox: String = "/var/spool/renewald/inbox", state: String = "/var/lib/renewald",
                socket: String = "/run/renewald/renewald.sock", taxonomy: String? = nil,
                maxFileBytes: Int = 64 << 20, maxRequestBytes: Int = 1 << 20, idleTimeoutSeconds: Int = 300,
                maxConnections: Int = 1024, logLevel: String = "info", testHooks: Bool = false) {
        self.inbox = inbox
        self.state = state
        self.socket = socket
        self.taxonomy = taxonomy
        self.maxFileBytes = maxFileBytes
        self.maxRequestBytes = maxRequestBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.maxConnections = maxConnections
        self.logLevel = logLevel
        self.testHooks = testHooks
    }

    public var databasePath: String { state + "/renewald.sqlite" }
    public var archiveDirectory: String { state + "/archive" }
    public var failedDirectory: String { state + "/failed" }
}

/// Why a configuration file cannot be used.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String, String)
    case syntax(line: Int, String)
    case unknownKey(line: Int, String)
    case badValue(line: Int, key: String, String)

    public var description: String {
        switch self {
        case .unreadable(let path, let why): return "cannot read \(path): \(why)"
        case .syntax(let line, let text): return "line \(line): expected `key = value`, found `\(text)`"
        case .unknownKey(let line, let key): return "line \(line): unknown key `\(key)`"
        case .badValue(let line, let key, let why): return "line \(line): `\(key)` \(why)"
        }
    }
}

extension Configuration {
    /// Applies a `key = value` file (`#` starts a comment; an empty value keeps the default).
    public mutating func apply(file text: String) throws(ConfigurationError) {
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = line.trimmingCharacters(in: " \t\r")
            if trimmed.isEmpty { continue }
            guard let eq = trimmed.firstIndex(of: "=") else { throw .syntax(line: number + 1, trimmed) }
            let key = String(trimmed[..<eq]).trimmingCharacters(in: " \t")
            let value = String(trimmed[trimmed.index(after: eq)...]).trimmingCharacters(in: " \t")
            try set(key, value, line: number + 1)
        }
    }

    mutating func set(_ key: String, _ value: String, line: Int) throws(ConfigurationError) {
        func number(min: Int) throws(ConfigurationError) -> Int {
            guard let n = Int(value), n >= min else { throw .badValue(line: line, key: key, "must be a whole number ≥ \(min)") }
            return n
        }
        func seconds(min: Double, max: Double) throws(ConfigurationError) -> Double {
            guard let s = Self.seconds(value), s >= min, s <= max else {
                throw .badValue(line: line, key: key, "must be a duration between \(Self.format(min)) and \(Self.format(max)), like 5s, 500ms or 2m")
            }
            return s
        }
        if value.isEmpty && key != "taxonomy" && key != "batch_command" { return }
        switch key {
        case "inbox": inbox = value
        case "state": state = value
        case "socket": socket = value
        case "taxonomy": taxonomy = value.isEmpty ? nil : value
        case "store":
            guard value == "sqlite" || PostgresURL.isPostgres(value) else {
                throw .badValue(line: line, key: key, "must be sqlite or a postgresql:// URL")
            }
            if value == "sqlite" { store = nil; return }
            do { _ = try PostgresURL(value) } catch { throw .badValue(line: line, key: key, error.description) }
            store = value
        case "host_name": hostName = value
        case "max_file_bytes": maxFileBytes = try number(min: 1)
        case "max_request_bytes": maxRequestBytes = try number(min: 256)
        case "idle_timeout_s": idleTimeoutSeconds = try number(min: 1)
        case "max_connections": maxConnections = try number(min: 1)
        case "max_analysis_s": maxAnalysisSeconds = Double(try number(min: 1))
        case "max_analysis_mb": maxAnalysisMB = try number(min: 16)
        case "inbox_watch":
            guard let mode = InboxWatchMode(rawValue: value) else {
                throw .badValue(line: line, key: key, "must be one of auto, inotify, poll")
            }
            inboxWatch = mode
        case "poll_interval": pollInterval = try seconds(min: 0.1, max: 3600)
        case "batch_command":
            guard value.isEmpty || value.hasPrefix("/") else { throw .badValue(line: line, key: key, "must be an absolute path") }
            batchCommand = value.isEmpty ? nil : value
        case "batch_timeout": batchTimeout = try seconds(min: 1, max: 3600)
        case "log_level":
            guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(value) else {
                throw .badValue(line: line, key: key, "must be one of trace, debug, info, notice, warning, error, critical")
            }
            logLevel = value
        default: throw .unknownKey(line: line, key)
        }
    }
}

/// How the inbox is watched (`inbox_watch`).
public enum InboxWatchMode: String, Sendable, Equatable {
    /// inotify, unless the inbox is on a network or FUSE file system or inotify cannot be set up: then polling.
    case auto
    /// inotify only; the daemon does not start without it.
    case inotify
    /// A listing every `poll_interval`.
    case poll
}

extension Configuration {
    /// A duration: a number of seconds, or a number followed by `ms`, `s`, `m` or `h`.
    static func seconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let n = Double(String(text.dropLast(suffix.count)).trimmingCharacters(in: " ")), n.isFinite else { return nil }
            return n * scale
        }
        guard let n = Double(text), n.isFinite else { return nil }
        return n
    }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int(seconds * 1000))ms" : seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
    }
}

extension Configuration {
    /// Keys a running daemon cannot change: they name the files and socket it holds open, or how the
    /// inbox is watched (chosen once at start).
    static let restartOnlyKeys = ["inbox", "state", "socket", "inbox_watch", "store", "host_name"]

    /// This configuration with every key of `file` that can change while running: all but
    /// `restartOnlyKeys`.
    func reloaded(from file: Configuration) -> Configuration {
        var next = file
        next.inbox = inbox
        next.state = state
        next.socket = socket
        next.inboxWatch = inboxWatch
        next.store = store
        next.hostName = hostName
        next.testHooks = testHooks
        return next
    }

    /// The restart-only keys whose value in `file` differs from the one in force.
    func fixedKeysDiffering(from file: Configuration) -> [String] {
        zip(Self.restartOnlyKeys, [(inbox, file.inbox), (state, file.state), (socket, file.socket),
                                   (inboxWatch.rawValue, file.inboxWatch.rawValue), (store ?? "", file.store ?? ""),
                                   (hostName ?? "", file.hostName ?? "")])
            .filter { $1.0 != $1.1 }.map(\.0)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
