import Testing
@testable import Daemon
import Store

@Suite struct StoreConfigurationTests {
    @Test func sqliteIsTheDefaultAndAURLChoosesPostgres() throws {
        var c = Configuration()
        #expect(c.store == nil)
        try c.apply(file: "store = postgresql://renewald@/renewald?host=/run/pg\nhost_name = district-3")
        #expect(c.store == "postgresql://renewald@/renewald?host=/run/pg" && c.hostName == "district-3")
        try c.apply(file: "store = sqlite")
        #expect(c.store == nil)
    }

    @Test(arguments: ["store = /var/lib/renewald/x.sqlite", "store = mysql://u@h/db", "store = postgresql://u@h:99999/db",
                      "store = postgresql://u@h/db?sslmode=verify-full"])
    func refusesStoresItCannotOpen(_ line: String) {
        var c = Configuration()
        #expect(throws: ConfigurationError.self) { try c.apply(file: line) }
    }

    @Test func storeAndHostNeedARestart() throws {
        var running = Configuration()
        try running.apply(file: "store = postgresql://a@/one")
        var file = Configuration()
        try file.apply(file: "store = postgresql://a@/two\nhost_name = other")
        #expect(running.reloaded(from: file).store == "postgresql://a@/one")
        #expect(running.reloaded(from: file).hostName == nil)
        #expect(running.fixedKeysDiffering(from: file) == ["store", "host_name"])
    }

    @Test func aBadURLFailsToOpenWithoutCrashing() throws {
        var c = Configuration(state: "/tmp/renewald-store-test")
        c.store = "postgresql://u@h:99999/db"
        #expect(throws: (any Error).self) { _ = try c.openStore() }
    }

    /// A database that is not there (yet) is not a bad configuration: the store opens and says it is away.
    @Test func aDatabaseAwayOpensAndSaysSo() throws {
        var c = Configuration(state: "/tmp/renewald-store-test")
        c.store = "postgresql://nobody@/none?host=/nonexistent-socket-dir"
        let store = try c.openStore()
        #expect(throws: StoreError.self) { _ = try store.counts() }
    }
}
