import ServiceLifecycle
import Server

/// The query server as a service: it listens from before the group starts (so READY can be sent
/// at once); on shutdown it refuses new requests, answers those in flight, and closes.
struct QueryServerService: Service {
    let server: QueryServer

    func run() async throws {
        try? await gracefulShutdown()
        await Blocking.run("renewald-server-stop") { [server] in server.shutdown() }
    }
}
