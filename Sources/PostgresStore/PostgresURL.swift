import Foundation

/// Where a PostgreSQL database is and who connects to it, read from a libpq-style URL:
/// `postgresql://[user[:password]@][host][:port][/database][?key=value&…]`.
///
/// As with libpq, a host that starts with `/` is the directory of the server's Unix socket, either
/// in the authority (percent-encoded: `postgresql://u@%2Frun%2Fpostgresql/db`) or as `?host=/dir`
/// (`postgresql://postgres@/renewald?host=/tmp/pg`). With no host at all the socket directory is
/// Debian's, `/var/run/postgresql`. Parsed here rather than by a library because postgres-nio takes
/// only the parts, and the Unix-socket forms are the ones this daemon is deployed with.
public struct PostgresURL: Sendable, Equatable {
    public enum Endpoint: Sendable, Equatable {
        /// The socket file itself: `DIR/.s.PGSQL.PORT`.
        case unixSocket(path: String)
        case tcp(host: String, port: Int)
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var database: String
    /// The URL as given with any password hidden, for logs and `stats`.
    public var redacted: String

    /// Debian's libpq looks for the server's socket here when no host is given.
    public static let defaultSocketDirectory = "/var/run/postgresql"

    /// Parses `text`; `defaultUser` stands in for a missing user name (libpq takes the login name).
    public init(_ text: String, defaultUser: String = "postgres") throws(PostgresURLError) {
        var rest = Substring(text)
        guard let schemeEnd = rest.range(of: "://") else { throw .notAURL(text) }
        let scheme = rest[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "postgresql" || scheme == "postgres" else { throw .scheme(String(scheme)) }
        rest = rest[schemeEnd.upperBound...]

        var query = Substring("")
        if let q = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        var authority = rest
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            path = rest[rest.index(after: slash)...]
        }
        var user: String?
        var password: String?
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = try Self.decoded(credentials[..<colon])
                password = try Self.decoded(credentials[credentials.index(after: colon)...])
            } else {
                user = try Self.decoded(credentials)
            }
        }
        var host: String?
        var port: String?
        if authority.hasPrefix("[") {   // [IPv6]:port
            guard let close = authority.firstIndex(of: "]") else { throw .badPart("host", String(authority)) }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = String(after.dropFirst()) } else if !after.isEmpty { throw .badPart("host", String(authority)) }
        } else if let colon = authority.lastIndex(of: ":") {
            host = try Self.decoded(authority[..<colon])
            port = String(authority[authority.index(after: colon)...])
        } else if !authority.isEmpty {
            host = try Self.decoded(authority)
        }
        if host?.contains(",") == true { throw .unsupported("several hosts in one URL") }
        var database = path.isEmpty ? nil : try Self.decoded(path)

        for pair in query.split(separator: "&") where !pair.isEmpty {
            guard let eq = pair.firstIndex(of: "=") else { throw .badPart("parameter", String(pair)) }
            let key = try Self.decoded(pair[..<eq])
            let value = try Self.decoded(pair[pair.index(after: eq)...])
            switch key {
            case "host": host = value
            case "port": port = value
            case "user": user = value
            case "password": password = value
            case "dbname": database = value
            case "sslmode":
                // Only plain connections: a Unix socket needs no TLS, and a site on TCP puts the
                // database on a private network or a local socket (see the README).
                guard ["disable", "allow", "prefer"].contains(value) else { throw .unsupported("sslmode=\(value)") }
            case "application_name", "connect_timeout": break
            default: throw .unsupported("parameter \(key)")
            }
        }

        let portNumber: Int
        if let port, !port.isEmpty {
            guard let n = Int(port), (1...65535).contains(n) else { throw .badPart("port", port) }
            portNumber = n
        } else {
            portNumber = 5432
        }
        let hostName = host.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultSocketDirectory
        if hostName.hasPrefix("/") {
            let directory = hostName.hasSuffix("/") && hostName.count > 1 ? String(hostName.dropLast()) : hostName
            endpoint = .unixSocket(path: "\(directory)/.s.PGSQL.\(portNumber)")
        } else {
            endpoint = .tcp(host: hostName, port: portNumber)
        }
        self.user = user.flatMap { $0.isEmpty ? nil : $0 } ?? defaultUser
        self.password = password
        self.database = database.flatMap { $0.isEmpty ? nil : $0 } ?? self.user
        redacted = password == nil ? text : Self.redact(text)
    }

    /// Whether `text` names a PostgreSQL database rather than a file.
    public static func isPostgres(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    /// `%XX` escapes decoded; a malformed escape or one that is not UTF-8 is an error, not guessed at.
    static func decoded(_ part: Substring) throws(PostgresURLError) -> String {
        guard part.contains("%") else { return String(part) }
        var bytes: [UInt8] = []
        var utf8 = Array(part.utf8)[...]
        while let b = utf8.first {
            utf8 = utf8.dropFirst()
            if b != UInt8(ascii: "%") { bytes.append(b); continue }
            guard utf8.count >= 2, let hi = Self.hex(utf8[utf8.startIndex]), let lo = Self.hex(utf8[utf8.startIndex + 1]) else {
                throw .badPart("escape", String(part))
            }
            bytes.append(hi << 4 | lo)
            utf8 = utf8.dropFirst(2)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .badPart("escape", String(part)) }
        return text
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The URL with the password in the authority and in `?password=` replaced by `***`.
    static func redact(_ text: String) -> String {
        var out = text
        if let schemeEnd = out.range(of: "://") {
            let afterScheme = out[schemeEnd.upperBound...]
            let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? out.endIndex
            if let at = out[schemeEnd.upperBound..<authorityEnd].lastIndex(of: "@"),
               let colon = out[schemeEnd.upperBound..<at].firstIndex(of: ":") {
                out.replaceSubrange(out.index(after: colon)..<at, with: "***")
            }
        }
        if let range = out.range(of: "password=") {
            let end = out[range.upperBound...].firstIndex(of: "&") ?? out.endIndex
            out.replaceSubrange(range.upperBound..<end, with: "***")
        }
        return out
    }
}

/// Why a store URL cannot be used, in the words of the configuration it came from.
public enum PostgresURLError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAURL(String)
    case scheme(String)
    case badPart(String, String)
    case unsupported(String)

    public var description: String {
        switch self {
        case .notAURL: return "is not a URL (postgresql://USER@/DATABASE?host=/socket/dir)"
        case .scheme(let s): return "has scheme \(s)://; a store URL starts with postgresql://"
        case .badPart(let what, let text): return "has a bad \(what): \(text)"
        case .unsupported(let what): return "asks for \(what), which renewald does not support"
        }
    }
}
