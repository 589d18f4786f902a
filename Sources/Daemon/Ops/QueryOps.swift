import QueryProtocol

/// Every op the daemon answers, in the order `hello` lists them. Adding an op is one file in this
/// folder (an `Op` value) and one line here; dispatch, `hello` and the quick path follow from it.
enum QueryOps {
    static var all: [Op<QueryContext>] {
        [.hello, .ping, .stats, .themes, .get, .list, .search, .failed, .retry, .classify, .subscribe, .reload, .label, .config,
         .facts, .trends, .digest,
         .debugStall, .debugSleep]
    }
}
