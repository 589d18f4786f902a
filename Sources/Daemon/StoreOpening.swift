import Store

extension Configuration {
    /// Opens the store this configuration names (the one place the daemon and the importer choose
    /// a store): SQLite in the state directory, created private to the daemon's user.
    func openStore() throws -> any ReportStore {
        try InstanceLock.createPrivately(databasePath)
        return try SQLiteStore(path: databasePath)
    }
}
