import Logging
import Synchronization

/// The log level in force, shared by every log handler so that `reload` can change it.
final class SharedLogLevel: Sendable {
    private let level: Mutex<Logger.Level>

    init(_ level: Logger.Level) { self.level = Mutex(level) }

    var current: Logger.Level { level.withLock { $0 } }
    func set(_ next: Logger.Level) { level.withLock { $0 = next } }
}

/// A log handler whose level is the shared one, whatever level it was created with.
struct LevelFollowingHandler: LogHandler {
    var inner: any LogHandler
    let level: SharedLogLevel

    var logLevel: Logger.Level {
        get { level.current }
        set { level.set(newValue) }
    }

    var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        inner.log(level: level, message: message, metadata: metadata, source: source, file: file, function: function, line: line)
    }
}
