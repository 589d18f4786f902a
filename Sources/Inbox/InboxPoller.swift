#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Watches the inbox tree by listing it every poll interval, for inboxes where inotify does not work
/// (network shares, FUSE mounts: files written by another machine raise no event here).
///
/// No close is ever seen, so a file is reported only once it has looked the same — inode, size,
/// modification and change time — for the settle interval by this machine's clock (the server's
/// clock, which stamps the times, may be off); the ingest's own settle and open-for-writing checks
/// then apply as to any file found by a scan. A file reported is not reported again unless it
/// changes (a file left in the inbox as unreadable is looked at again once it is chmod-ed).
public final class InboxPoller: Sendable {
    /// What a look at a name saw; equal looks saw an unchanged entry.
    struct Stamp: Equatable {
        var identity: FileIdentity
        var changed: Int64
        var mode: UInt32

        static func of(_ name: FileName, in directory: String) -> Stamp? {
            var st = stat()
            guard lstat(PathBytes.join(directory, name), &st) == 0 else { return nil }
            return Stamp(identity: FileIdentity(st), changed: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec),
                         mode: UInt32(st.st_mode))
        }
    }

    struct Seen {
        var stamp: Stamp
        var since: ContinuousClock.Instant
        var reported: Bool
    }

    let directory: String
    /// Seconds between listings, and seconds a file must look unchanged: read every round, so a
    /// reload can change them.
    let interval: @Sendable () -> Double
    let settle: @Sendable () -> Double
    let stopped = Atomic<Bool>(false)
    private let seen = Mutex<[FileName: Seen]>([:])

    public init(directory: String, interval: @escaping @Sendable () -> Double, settle: @escaping @Sendable () -> Double) {
        self.directory = directory
        self.interval = interval
        self.settle = settle
    }

    /// Lists the tree once and counts every file in it as reported: for the start-up scan, whose
    /// caller queues them itself. Returns them (in-progress names left out).
    public func baseline() throws(InboxError) -> [FileName] {
        let files = try InboxScanner.tree(of: directory).files.filter { !$0.isInProgress }
        let now = ContinuousClock.now
        seen.withLock { seen in
            for name in files { if let stamp = Stamp.of(name, in: directory) { seen[name] = Seen(stamp: stamp, since: now, reported: true) } }
        }
        return files
    }

    /// One listing: notes new and changed files, and reports those unchanged for the settle interval.
    /// Returns when the next look is due for a file still settling (nil: none is).
    @discardableResult
    func round(now: ContinuousClock.Instant = .now, _ body: (InboxWatcher.Event) -> Void) -> ContinuousClock.Instant? {
        guard let tree = try? InboxScanner.tree(of: directory) else { return nil }
        let present = Set(tree.files)
        var stamps: [FileName: Stamp] = [:]
        for name in tree.files where !name.isInProgress { stamps[name] = Stamp.of(name, in: directory) }
        let settle = Duration.milliseconds(Int(max(0, self.settle()) * 1000))
        var due: [FileName] = []
        var nextLook: ContinuousClock.Instant?
        seen.withLock { seen in
            for name in seen.keys where !present.contains(name) { seen[name] = nil }
            for (name, stamp) in stamps {
                if var entry = seen[name], entry.stamp == stamp {
                    if !entry.reported, now - entry.since >= settle {
                        entry.reported = true
                        seen[name] = entry
                        due.append(name)
                    } else if !entry.reported {
                        nextLook = min(nextLook ?? entry.since + settle, entry.since + settle)
                    }
                } else {
                    seen[name] = Seen(stamp: stamp, since: now, reported: false)
                    nextLook = min(nextLook ?? now + settle, now + settle)
                }
            }
        }
        for name in due.sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) { body(.file(name, closed: false)) }
        return nextLook
    }

    /// Lists the tree every interval (sooner while a file is settling) and hands complete files to
    /// `body`, until `stop()` is called.
    public func run(_ body: (InboxWatcher.Event) -> Void) {
        var nextListing = ContinuousClock.now
        var nextLook: ContinuousClock.Instant?
        while !stopped.load(ordering: .acquiring) {
            let now = ContinuousClock.now
            if now >= nextListing || nextLook.map({ now >= $0 }) == true {
                nextLook = round(now: now, body)
                if now >= nextListing {
                    nextListing = now + .milliseconds(Int(max(0.05, interval()) * 1000))
                }
            }
            let wake = min(nextListing, nextLook ?? nextListing)
            let wait = max(Duration.milliseconds(10), min(wake - ContinuousClock.now, .milliseconds(250)))
            var pause = timespec(tv_sec: Int(wait.components.seconds), tv_nsec: Int(wait.components.attoseconds / 1_000_000_000))
            nanosleep(&pause, nil)
        }
    }

    public func stop() { stopped.store(true, ordering: .releasing) }
}
