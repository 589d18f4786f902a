import Foundation

/// An integer read and written from any thread (the store's last seen `generation`).
final class SeenGeneration: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = -1

    var value: Int {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
