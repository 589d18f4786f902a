import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads on SIGHUP (`systemctl reload renewald`), through the same owner as the `reload` op.
struct HangupReloadService: Service {
    let state: RuntimeState

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            await Blocking.run("renewald-reload") { [state] in
                do {
                    _ = try state.reload()
                } catch {
                    state.logger.error("reload failed: \(error)", metadata: ["error_code": "reload"])
                }
            }
        }
    }
}
