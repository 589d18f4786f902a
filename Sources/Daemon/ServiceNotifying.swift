/// What the daemon tells its service manager (systemd's sd_notify). The executable plugs in
/// the real one; tests and plain runs use `SilentNotifier`.
public protocol ServiceNotifying: Sendable {
    func ready(status: String)
    func status(_ text: String)
    func reloading()
    func stopping(status: String)
    func watchdogPing()
    /// How often the watchdog expects a ping; nil when there is no watchdog.
    var watchdogInterval: Duration? { get }
}

/// A notifier that tells no one.
public struct SilentNotifier: ServiceNotifying {
    public init() {}
    public func ready(status: String) {}
    public func status(_ text: String) {}
    public func reloading() {}
    public func stopping(status: String) {}
    public func watchdogPing() {}
    public var watchdogInterval: Duration? { nil }
}
