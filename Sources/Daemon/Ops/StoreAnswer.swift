import QueryProtocol
import Store

/// Runs an op's store work, answering `unsupported` when the store in use cannot do it (a store
/// without that kind of request is not an internal error and must not be logged as one).
func storeAnswer<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch StoreError.unsupported(let what) {
        throw ProtocolError(.unsupported, StoreError.unsupported(what).description)
    }
}
