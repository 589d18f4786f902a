import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// A small pool of PostgreSQL connections for a synchronous store.
///
/// The `ReportStore` API is synchronous: the ingest thread and the query server's worker threads
/// call it and wait for the answer. postgres-nio is asynchronous, so each call sends its query on a
/// connection's own event loop (one thread here, in a group that nothing else uses) and the calling
/// thread blocks on the future until the rows are in. Blocking is safe because no caller is ever on
/// that event loop (it runs only postgres-nio's I/O), and cheap because callers are plain threads,
/// not Swift concurrency's few cooperative ones (`PostgresClient` would need an async caller, and
/// bridging async into sync with semaphores on the cooperative pool can starve it). A connection is
/// checked out for a whole unit of work, so a transaction's statements stay on one session.
final class PostgresConnections: @unchecked Sendable {
    let url: PostgresURL
    let size: Int
    /// Set as each session's `search_path`: a schema of its own (tests), or nil for the default.
    let schema: String?
    let logger: Logger
    private let group: MultiThreadedEventLoopGroup
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextID = 1
    private var closed = false

    init(url: PostgresURL, size: Int, schema: String? = nil, logger: Logger) {
        self.url = url
        self.size = max(1, size)
        self.schema = schema
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    }

    deinit {
        shutdown()
    }

    var configuration: PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch url.endpoint {
        case .unixSocket(let path):
            configuration = .init(unixSocketPath: path, username: url.user, password: url.password, database: url.database)
        case .tcp(let host, let port):
            configuration = .init(host: host, port: port, username: url.user, password: url.password, database: url.database, tls: .disable)
        }
        configuration.options.additionalStartupParameters = [("application_name", "renewald")]
        if let schema { configuration.options.additionalStartupParameters.append(("search_path", schema)) }
        return configuration
    }

    /// Runs `body` on a connection of its own, waiting for one when all `size` are busy. A connection
    /// whose session failed is closed rather than handed to the next caller.
    func with<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let connection = try checkOut()
        let session = PostgresSession(connection: connection, logger: logger)
        do {
            let value = try body(session)
            checkIn(connection, healthy: !session.broken && !connection.isClosed)
            return value
        } catch {
            checkIn(connection, healthy: !session.broken && !connection.isClosed && session.isIdle)
            throw error
        }
    }

    private func checkOut() throws -> PostgresConnection {
        condition.lock()
        while true {
            if closed { condition.unlock(); throw PostgresStoreError.closed }
            if let connection = idle.popLast() {
                condition.unlock()
                if connection.isClosed { release(); condition.lock(); continue }
                return connection
            }
            if open < size { break }
            condition.wait()
        }
        open += 1
        let id = nextID
        nextID += 1
        condition.unlock()
        do {
            return try PostgresConnection.connect(on: group.next(), configuration: configuration, id: id, logger: logger).wait()
        } catch {
            release()
            throw PostgresStoreError.connect(url.redacted, error)
        }
    }

    private func release() {
        condition.lock()
        open -= 1
        condition.signal()
        condition.unlock()
    }

    private func checkIn(_ connection: PostgresConnection, healthy: Bool) {
        if !healthy {
            _ = try? connection.close().wait()
            release()
            return
        }
        condition.lock()
        if closed {
            condition.unlock()
            _ = try? connection.close().wait()
            return
        }
        idle.append(connection)
        condition.signal()
        condition.unlock()
    }

    /// Closes every idle connection and the event loop; busy ones close as they come back.
    func shutdown() {
        condition.lock()
        let wasClosed = closed
        closed = true
        let connections = idle
        idle = []
        condition.broadcast()
        condition.unlock()
        guard !wasClosed else { return }
        for connection in connections { _ = try? connection.close().wait() }
        try? group.syncShutdownGracefully()
    }
}

/// One checked-out connection: queries that block until their rows are in, and transactions.
final class PostgresSession {
    let connection: PostgresConnection
    let logger: Logger
    /// Set when the connection is in an unknown state (a failed COMMIT or ROLLBACK): it is closed
    /// instead of going back to the pool.
    var broken = false
    /// Outside a transaction block (a connection handed back mid-transaction is closed).
    var isIdle = true

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Runs a statement and returns all its rows.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> [PostgresRow] {
        do {
            return Array(try connection.query(query, logger: logger).wait().rows)
        } catch let error as PSQLError {
            throw PostgresStoreError.query(error)
        }
    }

    /// Runs SQL text with no parameters. Several statements are sent one by one (the extended
    /// protocol postgres-nio speaks takes one per message): they are split at a `;` that ends a line.
    func execute(_ sql: String) throws {
        for statement in sql.components(separatedBy: ";\n") {
            let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            let code = trimmed.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
            if code.isEmpty { continue }
            try query(PostgresQuery(unsafeSQL: trimmed.hasSuffix(";") ? String(trimmed.dropLast()) : trimmed))
        }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        isIdle = false
        let value: T
        do {
            value = try body()
        } catch {
            do { try execute("ROLLBACK"); isIdle = true } catch { broken = true }
            throw error
        }
        do { try execute("COMMIT"); isIdle = true } catch {
            broken = true
            throw error
        }
        return value
    }
}

/// What went wrong talking to PostgreSQL, in words for the journal and `stats`.
public enum PostgresStoreError: Error, CustomStringConvertible {
    case connect(String, any Error)
    case query(PSQLError)
    case closed
    case schema(String)

    public var description: String {
        switch self {
        case .connect(let url, let error): return "cannot connect to \(url): \(Self.words(error))"
        case .query(let error): return Self.words(error)
        case .closed: return "the store is closed"
        case .schema(let why): return why
        }
    }

    /// PSQLError's own description hides the server's message (it may hold data); the journal needs it.
    static func words(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let server = error.serverInfo, let message = server[.message] {
            let code = server[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return message + code
        }
        return String(reflecting: error)
    }
}
