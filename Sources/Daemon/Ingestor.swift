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
        /// Left in place while its writer finishes; not a problem, and its close event brings it back.
        case waiting
        case ignored
    }

    /// A file read, analysed and packed, waiting to be committed (its drop's archive path is set then).
    struct Prepared: Sendable {
        var name: FileName
        var item: StoreItem
        var report: Report { item.report }
    }

    /// Steps 1 of the order above for one file: read and analyse, no side effects unless the file
    /// fails (then it moves to failed/) or its earlier ingest must be finished.
    func prepare(_ name: FileName, builder: ReportBuilder) -> Result<Prepared, OutcomeBox> {
        if name.isInProgress { return .failure(OutcomeBox(.ignored)) }
        let intake = FileIntake(directory: configuration.inbox, maxBytes: configuration.maxFileBytes)
        switch intake.read(name) {
        case .vanished:
            return .failure(OutcomeBox(.ignored))
        case .changing:
            return .failure(OutcomeBox(.retry("\(name) changed while being read")))
        case .beingWritten:
            return .failure(OutcomeBox(.waiting))
        case .unreadable(let code):
            return .failure(OutcomeBox(.retry("cannot read \(name): \(String(cString: strerror(code)))")))
        case .notRegular(let kind):
            return .failure(OutcomeBox(fail(name, code: "not_regular_file", reason: "\(kind), not a regular file: renewald never follows or reads it")))
        case .tooLarge(let size):
            return .failure(OutcomeBox(fail(name, code: FailureCode.tooLarge.rawValue, reason: "\(size) bytes; the limit (max_file_bytes) is \(configuration.maxFileBytes)")))
        case .regular(let bytes):
            let report: Report
            do {
                report = try builder.build(bytes: bytes, file: name.description, received: Timestamp.now())
            } catch {
                return .failure(OutcomeBox(fail(name, code: error.code.rawValue, reason: error.description)))
            }
            do {
                if let recovered = try recover(name, sha256: report.sha256) { return .failure(OutcomeBox(recovered)) }
            } catch {
                return .failure(OutcomeBox(.retry("cannot finish archiving \(name): \(error)")))
            }
            let drop = Drop(file: name.description, reportID: report.id, sha256: report.sha256, received: report.received, archivedAs: "")
            return .success(Prepared(name: name, item: store.prepare(StoreItem(report: report, textHash: Self.textHash(report), drop: drop))))
        }
    }

    /// Steps 2 and 3 for a batch: one transaction for all reports, then each original is moved.
    func commit(_ batch: [Prepared]) -> [(FileName, Outcome)] {
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
            return batch.map { ($0.name, .retry("cannot store \($0.name): \(error)")) }
        }
        return zip(batch, zip(targets, outcomes)).map { prepared, pair in
            let (target, outcome) = pair
            do {
                try archive.move(prepared.name, from: configuration.inbox, to: target)
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
        let archived = FileName(bytes: Array((drop.archivedAs.split(separator: "/").last.map(String.init) ?? "").utf8))
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
    func fail(_ name: FileName, code: String, reason: String) -> Outcome {
        let at = Timestamp.now()
        let noteSuffix = Array(".reason.json".utf8)
        let target = failedShelf.freeName(for: name, reserving: noteSuffix.count)
        do {
            try failedShelf.move(name, from: configuration.inbox, to: target)
        } catch {
            return .retry("cannot move \(name) to \(failedShelf.directory): \(error)")
        }
        let failure = Failure(file: name.description, code: code, reason: reason, at: at, path: failedShelf.path(of: target))
        let note = JSONValue.object([
            ("file", .string(failure.file)), ("code", .string(code)), ("reason", .string(reason)), ("at", .string(at)),
        ]).serialized() + "\n"
        try? failedShelf.writeNote(named: FileName(bytes: target.bytes + noteSuffix), contents: note)
        do {
            try store.recordFailure(failure)
        } catch {
            logger.error("cannot record the failure of \(name): \(error)", metadata: ["file": "\(name)", "error_code": "store"])
        }
        return .failed(failure)
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
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
