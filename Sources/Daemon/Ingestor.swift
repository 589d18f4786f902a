import Foundation
import Inbox
import Pipeline
import Logging
import ReportModel
import Store

/// Takes one inbox entry through the pipeline and files the original away.
///
/// Order of effects, chosen so that a crash (kill -9, power loss) at any instant loses nothing
/// and stores nothing twice:
/// 1. read the bytes and build the report (no side effects);
/// 2. pick the archive name and COMMIT the report together with a drop record naming that archive
///    path (one SQLite transaction: all or nothing);
/// 3. move the original: hard-link into `archive/`, then unlink from the inbox.
/// A crash before 2 leaves the file in the inbox: it is ingested on restart. A crash between 2 and 3,
/// or inside 3, leaves the file in the inbox with a drop record for its name and bytes: on restart
/// `recover` sees the record and only finishes the move (or removes the inbox link when the archive
/// already holds the same inode), so the report is never stored twice.
struct Ingestor: Sendable {
    let configuration: Configuration
    let store: any ReportStore
    let archive: Shelf
    let failedShelf: Shelf
    let logger: Logger
    /// Whether the store is known to be away: a file that fails is then left in the inbox, since its
    /// failure could not be recorded (see `StoreAvailability`).
    var storeAway: @Sendable () -> Bool = { false }

    /// An outcome decided while preparing (so `prepare` can return it as a Result's failure).
    struct OutcomeBox: Error {
        let outcome: Outcome
        init(_ outcome: Outcome) { self.outcome = outcome }
    }

    enum Outcome: @unchecked Sendable {
        case ingested(Report, new: Bool)
        case failed(Failure)
        /// Left in place to try again later (changing file, store or disk trouble).
        case retry(String)
        /// Left in place because the store is away (`StoreError.unavailable`): tried again, without
        /// counting against the file, once the store answers.
        case storeAway(String)
        /// Left in place while its writer finishes; not a problem, and its close event brings it back.
        case waiting
        /// Changed too recently to be known complete: look again after that many seconds.
        case settling(Double)
        /// Cannot be read and cannot be moved (a directory across file systems, a file the daemon may
        /// not read): left in the inbox with this reason, logged once, looked at again only when the
        /// inbox reports a change to it — never retried on a timer.
        case parked(String)
        case ignored
    }

    /// A file read, analysed and packed, waiting to be committed (its drop's archive path is set then).
    struct Prepared: Sendable {
        var name: FileName
        var item: StoreItem
        /// The file that was read, so a file renamed over the name since is not archived in its place.
        var identity: FileIdentity? = nil
        /// The bytes read, to archive should the name hold another file by commit time.
        var bytes: [UInt8] = []
        var report: Report { item.report }
    }

    /// How one file is to be read and analysed.
    struct Conditions: Sendable {
        /// Seconds the file must not have changed for, when its writer was not seen closing it.
        var settle: Double = 0
        /// Per-file limits, checked between stages; nil for none.
        var analysisGuard: AnalysisGuard? = nil
        var limits = AnalysisGuard.Limits(seconds: .infinity, memoryBytes: .max)
    }

    /// A test hook (only with `testHooks`): a file starting with this wedges its analysis for good,
    /// like a stage that never returns, so the watchdog and the in-hand record can be seen at work.
    static let wedgeMarker = Array("RENEWALD-TEST-WEDGE".utf8)

    /// Steps 1 of the order above for one file: read and analyse, no side effects unless the file
    /// fails (then it moves to failed/) or its earlier ingest must be finished.
    func prepare(_ name: FileName, builder: ReportBuilder, conditions: Conditions = Conditions()) -> Result<Prepared, OutcomeBox> {
        if name.isInProgress { return .failure(OutcomeBox(.ignored)) }
        let intake = FileIntake(directory: configuration.inbox, maxBytes: configuration.maxFileBytes)
        switch intake.read(name, settle: conditions.settle) {
        case .vanished:
            return .failure(OutcomeBox(.ignored))
        case .changing:
            return .failure(OutcomeBox(.retry("\(name) changed while being read")))
        case .beingWritten:
            return .failure(OutcomeBox(.waiting))
        case .settling(let seconds):
            return .failure(OutcomeBox(.settling(seconds)))
        case .unreadable(let code) where code == EACCES || code == EPERM:
            return .failure(OutcomeBox(fail(name, code: "unreadable",
                                            reason: "renewald may not read it (\(String(cString: strerror(code)))): make it group-readable",
                                            parkWhenStuck: true)))
        case .unreadable(let code):
            return .failure(OutcomeBox(.retry("cannot read \(name): \(String(cString: strerror(code)))")))
        case .notRegular(let kind) where kind == "directory":
            // A subfolder: watched and listed, its files taken one by one; never a file itself.
            return .failure(OutcomeBox(.ignored))
        case .notRegular(let kind):
            return .failure(OutcomeBox(fail(name, code: "not_regular_file", reason: "\(kind), not a regular file: renewald never follows or reads it",
                                            parkWhenStuck: true)))
        case .tooLarge(let size):
            return .failure(OutcomeBox(fail(name, code: FailureCode.tooLarge.rawValue, reason: "\(size) bytes; the limit (max_file_bytes) is \(configuration.maxFileBytes)")))
        case .regular(let bytes, let identity):
            var report: Report
            let ticket = conditions.analysisGuard?.begin(name, limits: conditions.limits)
            defer { if let ticket { conditions.analysisGuard?.end(ticket) } }
            let wedge = configuration.testHooks && bytes.starts(with: Self.wedgeMarker)
            do {
                report = try builder.build(bytes: bytes, file: name.description, received: Timestamp.now()) { (textBytes: Int) throws(IngestError) in
                    while wedge { sleep(3600) }
                    if let ticket { try conditions.analysisGuard?.checkpoint(ticket, textBytes: textBytes) }
                }
            } catch {
                return .failure(OutcomeBox(fail(name, code: error.code.rawValue, reason: error.description)))
            }
            do {
                if let recovered = try recover(name, sha256: report.sha256) { return .failure(OutcomeBox(recovered)) }
            } catch {
                if let why = StoreError.unavailableReason(error) { return .failure(OutcomeBox(.storeAway(why))) }
                return .failure(OutcomeBox(.retry("cannot finish archiving \(name): \(error)")))
            }
            // The subfolder it was dropped in, so `list` and `search` can filter on it.
            report.tag = name.folder?.description
            let drop = Drop(file: name.description, reportID: report.id, sha256: report.sha256, received: report.received, archivedAs: "")
            return .success(Prepared(name: name, item: store.prepare(StoreItem(report: report, textHash: Self.textHash(report), drop: drop)),
                                     identity: identity, bytes: bytes))
        }
    }

    /// Steps 2 and 3 for a batch: one transaction for all reports, then each original is moved.
    /// `replaced` is told of names that held another file by the time theirs was archived: that file
    /// is still in the inbox and must be queued again.
    func commit(_ batch: [Prepared], replaced: (FileName) -> Void = { _ in }) -> [(FileName, Outcome)] {
        guard !batch.isEmpty else { return [] }
        var items: [StoreItem] = []
        var targets: [FileName] = []
        var taken: Set<FileName> = []
        for prepared in batch {
            let target = archive.freeName(for: prepared.name, taken: taken)
            targets.append(target)
            taken.insert(target)
            var item = prepared.item
            item.drop.archivedAs = archive.path(of: target)
            items.append(item)
        }
        let outcomes: [StoreOutcome]
        do {
            outcomes = try store.store(items)
        } catch {
            if let why = StoreError.unavailableReason(error) { return batch.map { ($0.name, .storeAway(why)) } }
            return batch.map { ($0.name, .retry("cannot store \($0.name): \(error)")) }
        }
        return zip(batch, zip(targets, outcomes)).map { prepared, pair in
            let (target, outcome) = pair
            if case .idCollision(let stored) = outcome {
                return (prepared.name, fail(prepared.name, code: "id_collision",
                                            reason: "report id \(prepared.report.id) already belongs to another file (SHA-256 \(stored)); this file's SHA-256 is \(prepared.report.sha256)"))
            }
            do {
                try archive.move(prepared.name, from: configuration.inbox, to: target, expecting: prepared.identity)
            } catch InboxError.replaced {
                // Renamed over while analysed: the file read is gone from the inbox, so its bytes are
                // archived from memory; the new file stays for its own turn.
                do {
                    try archive.writeCopy(prepared.bytes, named: target)
                } catch {
                    logger.error("cannot archive the bytes of \(prepared.name) read before it was replaced: \(error)",
                                 metadata: ["file": "\(prepared.name)", "error_code": "archive"])
                }
                logger.notice("\(prepared.name) was replaced while being ingested; the new file is queued",
                              metadata: ["file": "\(prepared.name)", "report_id": "\(prepared.report.id)"])
                replaced(prepared.name)
            } catch where (error as? InboxError)?.errnoValue == ENOENT && !FileIntake(directory: configuration.inbox, maxBytes: 0).exists(prepared.name) {
                // Deleted by its owner after we read it: the committed report stands, there is nothing to archive.
                logger.notice("\(prepared.name) was removed from the inbox before it could be archived",
                              metadata: ["file": "\(prepared.name)", "report_id": "\(prepared.report.id)"])
            } catch {
                // Stored, but the original stays in the inbox: the next attempt finds the drop record
                // and only finishes the move.
                return (prepared.name, .retry("stored \(prepared.name) but cannot archive it: \(error)"))
            }
            if outcome == .stored { return (prepared.name, .ingested(prepared.report, new: true)) }
            let existing = (try? store.report(id: prepared.report.id)) ?? prepared.report
            return (prepared.name, .ingested(existing, new: false))
        }
    }

    /// Finishes the move of a file whose report was committed before a crash; nil when there is nothing to recover.
    func recover(_ name: FileName, sha256: String) throws -> Outcome? {
        guard let drop = try store.drop(file: name.description, sha256: sha256) else { return nil }
        // Relative to archive/ (a file from a subfolder was archived in the same subfolder).
        let archived = archive.name(ofPath: drop.archivedAs)
            ?? FileName(bytes: Array((drop.archivedAs.split(separator: "/").last.map(String.init) ?? "").utf8))
        switch archive.holdsSameFile(archived, as: name, in: configuration.inbox) {
        case .some(true):
            try archive.dropDuplicateLink(name, in: configuration.inbox)
        case .none:
            try archive.move(name, from: configuration.inbox, to: archived)
        case .some(false):
            return nil   // an earlier drop of the same bytes, archived long ago: this is a new drop
        }
        logger.notice("finished archiving \(name) after a restart", metadata: ["file": "\(name)", "report_id": "\(drop.reportID)"])
        guard let report = try store.report(id: drop.reportID) else { return nil }
        return .ingested(report, new: false)
    }

    /// Moves a file that cannot be ingested to `failed/`, with a note beside it and a row in the store.
    ///
    /// `parkWhenStuck`: for entries that cannot be read, a move that fails for want of permission or
    /// because it crosses file systems will fail the same way next time: park the entry instead of
    /// retrying it.
    func fail(_ name: FileName, code: String, reason: String, parkWhenStuck: Bool = false) -> Outcome {
        let at = Timestamp.now()
        let noteSuffix = Array(".reason.json".utf8)
        let target = failedShelf.freeName(for: name, reserving: noteSuffix.count + 4)
        let failure = Failure(file: name.description, code: code, reason: reason, at: at, path: failedShelf.path(of: target))
        // Recorded before the move, as a report is stored before its original moves: killed in between,
        // the file is still in the inbox and fails again (a second row) instead of lying in failed/ with
        // no row. An entry that may be parked is recorded once moved, since it may stay in the inbox.
        // With the store away the failure cannot be recorded, so the file stays where it is for now.
        if parkWhenStuck, storeAway() { return .storeAway("cannot record the failure of \(name) while the database is away") }
        if !parkWhenStuck, let why = record(failure) { return .storeAway(why) }
        do {
            try failedShelf.move(name, from: configuration.inbox, to: target)
        } catch {
            if parkWhenStuck, [EACCES, EPERM, EXDEV, EINVAL, ENOTEMPTY, EISDIR].contains(error.errnoValue) {
                return .parked("\(reason); it cannot be moved to \(failedShelf.directory) either (\(error)), so it stays in the inbox")
            }
            if error.errnoValue == ENOENT { return .ignored }
            return .retry("cannot move \(name) to \(failedShelf.directory): \(error)")
        }
        if parkWhenStuck { record(failure) }
        let note = JSONValue.object([
            ("file", .string(failure.file)), ("code", .string(code)), ("reason", .string(reason)), ("at", .string(at)),
        ]).serialized() + "\n"
        _ = try? failedShelf.writeNote(named: FileName(bytes: target.bytes + noteSuffix), contents: note)
        return .failed(failure)
    }

    /// Records a failure; returns why when the store is away (the caller keeps the file), nil otherwise.
    @discardableResult
    private func record(_ failure: Failure) -> String? {
        do {
            try store.recordFailure(failure)
        } catch {
            if let why = StoreError.unavailableReason(error) { return why }
            logger.error("cannot record the failure of \(failure.file): \(error)", metadata: ["file": "\(failure.file)", "error_code": "store"])
        }
        return nil
    }

    /// Identifies the normalised text, so the same text under other bytes is marked `duplicate_of`.
    static func textHash(_ report: Report) -> String {
        var text = report.headline ?? ""
        for article in report.articles { text += "\n" + article.paragraphs.joined(separator: "\n") }
        return SHA256.hex(Array(text.utf8))
    }
}

/// UTC timestamps as the protocol writes them.
enum Timestamp {
    static func now() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        // Written by hand: `String(format:)` was 1% of the analysis threads' time while ingesting.
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
