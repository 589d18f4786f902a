/// How a store says "I cannot be reached right now; try again": it throws `StoreError.unavailable`.
///
/// Every store maps its own connection failures to that case (SQLite: the file cannot be opened;
/// PostgreSQL: the server is down, restarting, read-only after a failover, or the connection broke),
/// so the daemon can tell a database that is away — keep the files, retry, tell the user — from a
/// bad row or a bug, without knowing which store it runs on.
extension StoreError {
    /// The reason when `error` says the store is away for now; nil for every other error.
    public static func unavailableReason(_ error: any Error) -> String? {
        if case .unavailable(let why)? = error as? StoreError { return why }
        return nil
    }
}
