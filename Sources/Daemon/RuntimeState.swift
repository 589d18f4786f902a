import ChineseScript
import Classify
import Foundation
import Inbox
import Pipeline
import Logging
import QueryProtocol
import ReportModel
import Store
import Synchronization

/// The one owner of what changes while the daemon runs: the configuration in force and the
/// classifier built from the taxonomy and the labels.
///
/// Every mutation — `reload` (op or SIGHUP), `label`, the taxonomy swap, reclassifying stored
/// reports, and committing an ingested batch — runs under one lock, one at a time. So a reload
/// cannot write back a report it read before a label changed it, and a batch analysed under the
/// old taxonomy is reclassified under the new one before it is stored. Readers (queries, the
/// analysis threads) take a snapshot and never wait for a mutation.
final class RuntimeState: Sendable {
    /// What readers see: taken whole, never torn.
    struct Snapshot: Sendable {
        var configuration: Configuration
        var builder: ReportBuilder
        /// Bumped whenever `builder` is replaced, so a batch can tell it was analysed by an older one.
        var generation: Int
    }

    let store: any ReportStore
    /// Reads the configuration again as the entry point did (file, then command-line options); nil
    /// when there is no file to re-read.
    let reread: (@Sendable () throws -> Configuration)?
    let logger: Logger
    let notifier: any ServiceNotifying
    let status: IngestStatus
    /// Beaten while a reload reclassifies: the ingest loop may wait on it meanwhile, and the watchdog
    /// must not take that for a wedge.
    let heartbeat: Heartbeat
    /// Told the configuration after each reload, to apply what lives outside this owner (limits, log level).
    private let applied: @Sendable (Configuration) -> Void
    private let current: Mutex<Snapshot>
    /// Held for the whole of each mutation: the single lane they go through.
    private let mutations = Mutex(())

    init(configuration: Configuration, reread: (@Sendable () throws -> Configuration)?, store: any ReportStore, logger: Logger,
         notifier: any ServiceNotifying, status: IngestStatus, heartbeat: Heartbeat, applied: @escaping @Sendable (Configuration) -> Void = { _ in }) throws {
        self.store = store
        self.reread = reread
        self.logger = logger
        self.notifier = notifier
        self.status = status
        self.heartbeat = heartbeat
        self.applied = applied
        let taxonomy = try Self.loadTaxonomy(configuration.taxonomy)
        // With the store away the labels cannot be read: start without them, retrain when it answers.
        var examples: [LabelledArticle] = []
        do { examples = try Self.examples(from: store) } catch {
            guard let why = StoreError.unavailableReason(error) else { throw error }
            status.storeAway(why)
        }
        let classifier = ThemeClassifier(taxonomy: taxonomy, examples: examples)
        current = Mutex(Snapshot(configuration: configuration, builder: ReportBuilder(classifier: classifier), generation: 0))
    }

    var snapshot: Snapshot { current.withLock { $0 } }
    var configuration: Configuration { snapshot.configuration }
    var builder: ReportBuilder { snapshot.builder }
    var taxonomy: Taxonomy { builder.classifier.taxonomy }

    static func loadTaxonomy(_ path: String?) throws -> Taxonomy {
        guard let path else { return .builtIn }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try Taxonomy(json: text)
    }

    /// A person's labels as training examples: the labelled article's text and themes.
    static func examples(from store: any ReportStore) throws -> [LabelledArticle] {
        try store.labels().compactMap { label in
            guard let report = try store.report(id: label.reportID),
                  let article = report.articles.first(where: { $0.index == label.article }) else { return nil }
            // Cues are learned from the simplified form, the form new reports are classified in.
            let text = ([article.title ?? ""] + article.paragraphs).joined(separator: "\n")
            return LabelledArticle(text: SimplifiedChinese.simplified(text), themes: label.themes)
        }
    }

    /// Re-reads the configuration file and the taxonomy, applies every key that can change while
    /// running, and reclassifies every stored report. Nothing changes when either file is bad.
    func reload() throws(ReloadError) -> Int {
        try mutations.withLock { _ throws(ReloadError) -> Int in
            notifier.reloading()
            defer { notifier.ready(status: status.line) }
            let old = configuration
            var next = old
            if let reread {
                let read: Configuration
                do { read = try reread() } catch { throw .configuration("\(error)") }
                next = old.reloaded(from: read)
                for key in old.fixedKeysDiffering(from: read) {
                    logger.warning("reload: \(key) changes only at restart; keeping it as it is")
                }
            }
            let taxonomy: Taxonomy
            do { taxonomy = try Self.loadTaxonomy(next.taxonomy) } catch {
                throw .taxonomy("\(next.taxonomy ?? "built-in taxonomy"): \(error)")
            }
            let count: Int
            do {
                let builder = ReportBuilder(classifier: ThemeClassifier(taxonomy: taxonomy, examples: try Self.examples(from: store)))
                current.withLock { $0 = Snapshot(configuration: next, builder: builder, generation: $0.generation + 1) }
                applied(next)
                logger.debug("reload: max_file_bytes \(next.maxFileBytes), max_request_bytes \(next.maxRequestBytes), log_level \(next.logLevel) in force")
                count = try Self.coordinated(store) {
                    try store.rewriteAll { report in
                        heartbeat.beat()
                        return builder.reclassify(report)
                    }
                }
            } catch {
                if let why = StoreError.unavailableReason(error) { throw .storeUnavailable(why) }
                throw .store("\(error)")
            }
            logger.notice("reloaded: \(taxonomy.themes.count) themes, \(count) reports reclassified")
            return count
        }
    }

    /// Stores a person's themes for one article and retrains the classifier with them.
    func label(report id: String, article index: Int, themes: [String], primary: String?) throws -> Report {
        try mutations.withLock { _ in try Self.coordinated(store) {
            guard var report = try store.report(id: id) else { throw ProtocolError(.notFound, "no report with id \(id)") }
            guard let position = report.articles.firstIndex(where: { $0.index == index }) else {
                throw ProtocolError(.notFound, "report \(id) has no article \(index)")
            }
            try store.saveLabel(Label(reportID: id, article: index, themes: themes, primary: primary, at: Timestamp.now()))
            report.articles[position].themes = themes.map { ThemeScore(id: $0, score: 1, evidence: [], cues: []) }
            report.articles[position].primaryTheme = primary ?? themes.first
            report.articles[position].themesBy = .person
            let classifier = ThemeClassifier(taxonomy: taxonomy, examples: try Self.examples(from: store))
            let builder = ReportBuilder(classifier: classifier)
            current.withLock { $0.builder = builder; $0.generation += 1 }
            report = builder.reclassify(report)
            try store.update(report)
            logger.info("labelled article \(index) of \(id): \(themes.joined(separator: ","))", metadata: ["report_id": "\(id)"])
            return report
        } }
    }

    /// Runs `body` — a label or a reclassification, which read stored reports and write them back —
    /// so that it cannot interleave with one on another host sharing the store (a label written
    /// between a reload's read and its write would be lost), then tells the other hosts to retrain
    /// from the store. With a store of its own, `mutations` alone already orders them.
    static func coordinated<T>(_ store: any ReportStore, _ body: () throws -> T) throws -> T {
        guard let shared = store as? any SharedEventLog else { return try body() }
        let value = try shared.exclusively("classifier", body)
        // Best effort: a host that misses it retrains anyway when its store comes back or it reloads.
        try? shared.appendEvents([(SharedEventOutbox.classifierKind, "{}")])
        return value
    }

    /// The store answers again: retrain with the labels in it, which could not be read while it was
    /// away (at start) or which other hosts sharing the store may have added meanwhile.
    func storeCameBack() {
        mutations.withLock { _ in
            guard let examples = try? Self.examples(from: store) else { return }
            let builder = ReportBuilder(classifier: ThemeClassifier(taxonomy: taxonomy, examples: examples))
            current.withLock { $0.builder = builder; $0.generation += 1 }
        }
    }

    /// Commits a batch analysed with the builder of `generation`, reclassifying it first when the
    /// classifier changed meanwhile (a reload or a label landed while it was being analysed).
    func commit(_ batch: [Ingestor.Prepared], analysedBy generation: Int,
                with ingestor: Ingestor, replaced: (FileName) -> Void = { _ in }) -> [(FileName, Ingestor.Outcome)] {
        mutations.withLock { _ in
            let now = snapshot
            var batch = batch
            if now.generation != generation {
                batch = batch.map { prepared in
                    let item = StoreItem(report: now.builder.reclassify(prepared.report), textHash: prepared.item.textHash,
                                         drop: prepared.item.drop)
                    return Ingestor.Prepared(name: prepared.name, item: store.prepare(item), identity: prepared.identity, bytes: prepared.bytes)
                }
            }
            return ingestor.commit(batch, replaced: replaced)
        }
    }
}

/// Why a reload changed nothing.
enum ReloadError: Error, Sendable, CustomStringConvertible {
    case configuration(String)
    case taxonomy(String)
    case store(String)
    /// The database is away: nothing was reclassified now; the next reload does it.
    case storeUnavailable(String)

    var description: String {
        switch self {
        case .configuration(let why): return "the configuration cannot be used: \(why)"
        case .taxonomy(let why): return "the taxonomy cannot be used: \(why)"
        case .store(let why): return "reclassifying failed: \(why)"
        case .storeUnavailable(let why): return "reclassifying must wait: the database is unavailable (\(why))"
        }
    }
}
