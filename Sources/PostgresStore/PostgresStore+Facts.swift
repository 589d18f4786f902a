import Store

// Figures, trends and the digest on PostgreSQL: the seam the multi-host work fills (issue 14).
// Until then each answers `unsupported`, which the op turns into the protocol's `unsupported` error.
extension PostgresStore {
    public func facts(_ filter: FactFilter) throws -> (total: Int, facts: [Fact]) {
        throw StoreError.unsupported("facts")
    }

    public func trends(_ query: TrendQuery) throws -> Trends {
        throw StoreError.unsupported("trends")
    }

    public func digestArticles(_ filter: ReportFilter) throws -> [DigestArticle] {
        throw StoreError.unsupported("digest")
    }
}
