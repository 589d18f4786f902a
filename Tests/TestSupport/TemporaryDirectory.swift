import Foundation

/// A fresh directory named `PREFIX-UUID` under the system's temporary directory (or `base`), with
/// the given subdirectories made: each test's inbox, state and scratch space, apart from every other test's.
public struct TemporaryDirectory: Sendable {
    public let path: String

    public init(_ prefix: String, under base: String = NSTemporaryDirectory(), subdirectories: [String] = []) throws {
        path = (base.hasSuffix("/") ? base : base + "/") + "\(prefix)-\(UUID().uuidString.prefix(12))"
        for sub in [""] + subdirectories {
            try FileManager.default.createDirectory(atPath: sub.isEmpty ? path : path + "/" + sub, withIntermediateDirectories: true)
        }
    }

    /// `path/name`.
    public func appending(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `path/name` (UTF-8).
    @discardableResult
    public func write(_ name: String, _ text: String) -> Bool {
        FileManager.default.createFile(atPath: appending(name), contents: Data(text.utf8))
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
