import ReportModel

/// The narrow interface between the daemon and its storage: everything the daemon, the importer and
/// the ops ask of a store. `SQLiteStore` is the default; the PostgreSQL store serves sites where
/// several hosts ingest into one collection. Every method is synchronous and called from ingest and
/// query threads (never from an event loop); an implementation that cannot answer a kind of request
/// throws `StoreError.unsupported`.
public protocol ReportStore: Sendable {
    /// Stores a report and its drop in one transaction. `textHash` identifies the normalised text,
    /// so the same text under other bytes gets `duplicate_of`.
    func store(_ report: Report, textHash: String, drop: Drop) throws -> StoreOutcome
    /// Does what can be done for `item` before the write transaction, on the caller's thread
    /// (analysis threads call it, so the single writer has less to do).
    func prepare(_ item: StoreItem) -> StoreItem
    /// Stores several reports in one transaction (bulk import, bursts): all or nothing.
    func store(_ items: [StoreItem]) throws -> [StoreOutcome]
    /// The drop recorded for this file name and content, if any (crash recovery).
    func drop(file: String, sha256: String) throws -> Drop?
    func recordFailure(_ failure: Failure) throws
    func reportJSON(id: String) throws -> String?
    func report(id: String) throws -> Report?
    /// The id of the latest report made from a file of this name.
    func reportID(file: String) throws -> String?
    func list(_ filter: ReportFilter) throws -> (total: Int, reports: [ReportSummary])
    func search(_ query: String, filter: ReportFilter) throws -> (total: Int, hits: [SearchHit])
    /// Failures not retried since, newest first.
    func failures(limit: Int) throws -> [Failure]
    /// Marks the failure of the file now at `path` (under failed/) as retried at `at`, before the file
    /// moves back to the inbox: it leaves `failures` and the failed count. Returns the failure (the
    /// name it was dropped under), or nil when none is recorded for that path.
    func markRetried(path: String, at: String) throws -> Failure?
    /// Undoes `markRetried` when the file could not be moved back after all.
    func unmarkRetried(path: String, at: String) throws
    func counts() throws -> StoreCounts
    /// Calls `body` with every stored report, in batches, and stores what it returns (reclassification).
    func rewriteAll(_ body: (Report) -> Report) throws -> Int
    func update(_ report: Report) throws
    func saveLabel(_ label: Label) throws
    func labels() throws -> [Label]
    /// Figures of the stored articles, with their base units, places, dates and sentences.
    func facts(_ filter: FactFilter) throws -> (total: Int, facts: [Fact])
    /// Article counts per theme or place per period, reprints counted once.
    func trends(_ query: TrendQuery) throws -> Trends
    /// The articles of a period (reprints folded into their first article), newest first.
    func digestArticles(_ filter: ReportFilter) throws -> [DigestArticle]
}

extension ReportStore {
    public func prepare(_ item: StoreItem) -> StoreItem { item }
}
