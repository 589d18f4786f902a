import Foundation
import Testing
@testable import PostgresStore
@testable import Store

/// A daemon may start before its database (boot order, a restart of the server): the store is made,
/// says the database is away until it answers, and does not fail the start.
@Suite struct AwayAtStartTests {
    @Test func aStoreOpensWhileItsDatabaseIsAway() throws {
        let nowhere = NSTemporaryDirectory() + "renewald-no-server-\(UUID().uuidString.prefix(8))"
        let store = try PostgresStore(url: PostgresURL("postgresql://renewald@/renewald?host=\(nowhere)"), host: "h",
                                      schema: nil, hotCapacity: 10, hotThreshold: 10, connections: 1)
        defer { store.close() }
        #expect(throws: StoreError.self) { try store.counts() }
        do {
            _ = try store.counts()
        } catch {
            #expect(StoreError.unavailableReason(error) != nil, "\(error)")
        }
    }
}
