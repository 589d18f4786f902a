import Foundation
import Inbox
import Logging
import Store
import Synchronization

/// The files in `failed/`, as the `retry` op sees them: each can be sent back to the inbox, under
/// the name it was dropped with (in its subfolder), once the cause is fixed.
struct FailedFiles: Sendable {
    let configuration: Configuration
    let store: any ReportStore
    let queue: IngestQueue
    let logger: Logger

    /// One retry's outcome.
    enum Outcome: Sendable, Equatable {
        /// Back in the inbox as `file` (relative to the inbox) and queued; `code` is why it had failed.
        case retried(path: String, file: String, code: String?)
        case refused(path: String, reason: String)
    }

    /// Retries run one at a time, so two requests for one file cannot both move it.
    private static let lane = Mutex(())

    /// Sends back each of `paths`: absolute paths under failed/ (as the `failed` op shows them) or
    /// paths relative to failed/. Anything else is refused, as is a path that is not a regular file.
    func retry(_ paths: [String]) -> [Outcome] {
        Self.lane.withLock { _ in paths.map(retryOne) }
    }

    /// Sends back every failed file that is still in failed/ (of one failure `code`, when given).
    func retryAll(code: String? = nil) throws -> [Outcome] {
        let shelf = try Shelf(directory: configuration.failedDirectory)
        let failures = try store.failures(limit: 1_000_000).filter { code == nil || $0.code == code }
        let paths = failures.compactMap(\.path).filter { path in shelf.name(ofPath: path).map { FileIdentity.of($0, in: shelf.directory) != nil } ?? false }
        return retry(Array(Set(paths)).sorted())
    }

    private func retryOne(_ requested: String) -> Outcome {
        let shelf: Shelf, inbox: Shelf
        do {
            shelf = try Shelf(directory: configuration.failedDirectory)
            // Group-writable like the inbox; no setgid bit in the mode: the unit's RestrictSUIDSGID
            // refuses any mkdir asking for one (EPERM, even for a folder that exists), and a folder
            // made in the setgid inbox inherits the bit anyway.
            inbox = try Shelf(directory: configuration.inbox, folderMode: 0o770)
        } catch {
            return .refused(path: requested, reason: "\(error)")
        }
        let name: FileName
        if requested.hasPrefix("/") {
            guard let inside = shelf.name(ofPath: requested) else {
                return .refused(path: requested, reason: "not in \(shelf.directory): only files in failed/ can be retried")
            }
            name = inside
        } else {
            name = FileName(requested)
            guard name.isPlainRelativePath else {
                return .refused(path: requested, reason: "not a path inside \(shelf.directory): only files in failed/ can be retried")
            }
        }
        let path = shelf.path(of: name)
        // Never through a link: failed/ holds the links people dropped, and one may name a folder elsewhere.
        guard let regular = shelf.isRegularFile(name) else { return .refused(path: path, reason: "no such file in failed/") }
        guard regular else { return .refused(path: path, reason: "not a regular file: only files can be retried") }
        let at = Timestamp.now()
        let failure: Failure?
        do {
            // Marked first: should the file fail again at once, its new row is not the one marked.
            failure = try store.markRetried(path: path, at: at)
        } catch {
            return .refused(path: path, reason: "cannot record the retry: \(error)")
        }
        if failure == nil, name.description.hasSuffix(".reason.json") {
            return .refused(path: path, reason: "a note about a failed file, not a failed file")
        }
        // Back under the name it was dropped with, in its subfolder, so its tag is kept.
        let original = failure.map { FileName($0.file) }.flatMap { $0.isPlainRelativePath ? $0 : nil } ?? name
        var taken: Set<FileName> = []
        for _ in 0..<100 {
            let target = inbox.freeName(for: original, taken: taken)
            do {
                try inbox.move(name, from: shelf.directory, to: target)
            } catch where error.errnoValue == EEXIST {
                taken.insert(target)   // dropped there by someone in the meantime: the next free name
                continue
            } catch {
                if failure != nil { try? store.unmarkRetried(path: path, at: at) }
                return .refused(path: path, reason: "cannot move it back to the inbox: \(error)")
            }
            // Its note describes a file no longer there; the row keeps the history.
            unlink(path + ".reason.json")
            queue.add(target, closed: true)
            logger.notice("retrying \(name.escaped) from failed/ as \(target.escaped)",
                          metadata: ["file": "\(target.escaped)", "error_code": "\(failure?.code ?? "")"])
            return .retried(path: path, file: target.description, code: failure?.code)
        }
        if failure != nil { try? store.unmarkRetried(path: path, at: at) }
        return .refused(path: path, reason: "no free name for it in the inbox")
    }
}
