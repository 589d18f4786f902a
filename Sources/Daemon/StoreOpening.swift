import Logging
import PostgresStore
import Store

extension Configuration {
    /// Opens the store this configuration names (the one place the daemon and the importer choose
    /// a store): a shared PostgreSQL database when `store` is a URL, else SQLite in the state
    /// directory, created private to the daemon's user.
    func openStore(logger: Logger? = nil) throws -> any ReportStore {
        if let store {
            let url: PostgresURL
            do { url = try PostgresURL(store) } catch { throw StoreError.unavailable("store \(error)") }
            return try PostgresStore(url: url, host: hostName ?? PostgresStore.hostName(), logger: logger)
        }
        try InstanceLock.createPrivately(databasePath)
        let store = try SQLiteStore(path: databasePath)
        if !SQLiteStore.allocatorUnlocked {
            logger?.warning("SQLite's memory statistics stay on (a connection was opened first): searches may wait on ingest")
        }
        return store
    }
}
