import Foundation
import Testing
@testable import PostgresStore
@testable import Store

/// The stores the contract runs against. PostgreSQL only when RENEWALD_TEST_PG_URL names a database
/// (`Tests/postgres/run.sh` starts one): without it that suite is reported as not run, never passed.
enum StoreUnderTest {
    static let postgresURL: String? = {
        let value = ProcessInfo.processInfo.environment["RENEWALD_TEST_PG_URL"] ?? ""
        return value.isEmpty ? nil : value
    }()

    static func sqlite(hotCapacity: Int = 200, hotThreshold: Int = 1000) throws -> SQLiteStore {
        try SQLiteStore(hotCapacity: hotCapacity, hotThreshold: hotThreshold)
    }

    /// A PostgreSQL store in a schema of its own (an empty collection), dropped by `discard`.
    static func postgres(hotCapacity: Int = 200, hotThreshold: Int = 1000, host: String = "host-a",
                         schema: String = "t_" + UUID().uuidString.prefix(12).lowercased()) throws -> PostgresStore {
        let url = try #require(postgresURL, "RENEWALD_TEST_PG_URL is not set")
        return try PostgresStore(url: PostgresURL(url), host: host, schema: schema, hotCapacity: hotCapacity, hotThreshold: hotThreshold,
                                 connections: 2)
    }

    /// Drops a test store's schema and closes it.
    static func discard(_ store: PostgresStore) {
        try? store.dropSchemaForTests()
        store.close()
    }
}
