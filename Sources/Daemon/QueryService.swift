import Classify
import Foundation
import Ingest
import Logging
import QueryProtocol
import ReportModel
import Server
import Store

/// Answers protocol requests from the store and the pipeline.
struct QueryService: RequestHandling {
    unowned(unsafe) let daemon: Daemon

    static let version = "0.1.0"
    static let baseOps = ["hello", "ping", "stats", "themes", "get", "list", "search", "failed", "classify",
                          "subscribe", "reload", "label", "facts", "trends", "digest"]
    static let eventKinds: Set<String> = ["ingested", "failed"]

    var ops: [String] { Self.baseOps + (daemon.configuration.testHooks ? ["debug_stall", "debug_sleep"] : []) }

    func quickReply(to request: Request) -> [UInt8]? {
        switch request.op {
        case "ping":
            return Response.success(id: request.id, result: .object([("pong", .bool(true))]))
        case "hello":
            return Response.success(id: request.id, result: .object([
                ("server", .string("renewald")), ("version", .string(Self.version)), ("protocol", .int(1)),
                ("ops", .strings(ops)),
            ]))
        default:
            return nil
        }
    }

    func reply(to request: Request) -> Reply {
        do {
            switch request.op {
            case "subscribe":
                let events = try request.stringList("events").map(Set.init)
                if let unknown = events?.subtracting(Self.eventKinds).first {
                    throw ProtocolError(.badRequest, "unknown event \"\(unknown)\"; events are ingested, failed")
                }
                let ack = Response.success(id: request.id, result: .object([
                    ("subscribed", .strings((events ?? Self.eventKinds).sorted())),
                ]))
                return .subscribe(events: events, ack: ack)
            case "get":
                return .line(Response.success(id: request.id, rawResult: try get(request)))
            default:
                return .line(Response.success(id: request.id, result: try result(for: request)))
            }
        } catch let error as ProtocolError {
            return .line(Response.failure(id: request.id, error: error))
        } catch {
            daemon.logger.error("request \(request.op) failed: \(error)", metadata: ["error_code": "internal"])
            return .line(Response.failure(id: request.id, error: ProtocolError(.internal, "\(error)")))
        }
    }

    func result(for request: Request) throws -> JSONValue {
        switch request.op {
        case "stats": return try stats()
        case "themes": return try themes()
        case "list": return try list(request)
        case "search": return try search(request)
        case "failed": return try failed(request)
        case "classify": return try classify(request)
        case "reload": return .object([("reclassified", .int(try daemon.reload()))])
        case "label": return try label(request)
        case "facts": return try FactsAnswer.result(request, store: daemon.store)
        case "trends": return try TrendsAnswer.result(request, store: daemon.store, today: TrendsAnswer.today())
        case "digest":
            return try DigestAnswer.result(request, store: daemon.store, taxonomy: daemon.classifierTaxonomy, today: TrendsAnswer.today())
        case "debug_sleep" where daemon.configuration.testHooks:
            let seconds = request.fields["seconds"]?.doubleValue ?? 1
            Thread.sleep(forTimeInterval: min(seconds, 60))
            return .object([("slept", .double(seconds))])
        case "debug_stall" where daemon.configuration.testHooks:
            let seconds = request.fields["seconds"]?.doubleValue ?? 60
            daemon.queue.addStall(seconds: seconds)
            return .object([("stalling", .double(seconds))])
        default:
            throw ProtocolError(.unknownOp, "unknown op \"\(request.op)\"; ops are \(ops.joined(separator: ", "))")
        }
    }

    func stats() throws -> JSONValue {
        let counts = try daemon.store.counts()
        let themeCounts = daemon.classifierTaxonomy.themes.map { ($0.id, JSONValue.int(counts.themes[$0.id] ?? 0)) }
        var members: [(String, JSONValue)] = [
            ("reports", .int(counts.reports)), ("articles", .int(counts.articles)), ("failed", .int(counts.failed)),
            ("pending", .int(daemon.queue.pending)), ("themes", .object(themeCounts)),
            ("uptime_s", .int(Int(daemon.uptimeSeconds))),
            ("inbox", .string(daemon.configuration.inbox)), ("state", .string(daemon.configuration.state)),
            ("connections", .int(daemon.server?.connectionCount ?? 0)),
        ]
        members.append(("problem", .optional(daemon.currentProblem)))
        return .object(members)
    }

    func themes() throws -> JSONValue {
        let counts = try daemon.store.counts()
        return .object([("themes", .array(daemon.classifierTaxonomy.themes.map { theme in
            .object([("id", .string(theme.id)), ("zh", .string(theme.zh)), ("en", .string(theme.en)),
                     ("articles", .int(counts.themes[theme.id] ?? 0)), ("cues", .int(theme.cues.count))])
        }))])
    }

    func get(_ request: Request) throws -> String {
        if let id = try request.string("report") {
            guard let json = try daemon.store.reportJSON(id: id) else { throw ProtocolError(.notFound, "no report with id \(id)") }
            return json
        }
        if let file = try request.string("file") {
            guard let id = try daemon.store.reportID(file: file), let json = try daemon.store.reportJSON(id: id) else {
                throw ProtocolError(.notFound, "no report from a file named \(file)")
            }
            return json
        }
        throw ProtocolError(.badRequest, "get needs \"report\" (an id) or \"file\" (a file name)")
    }

    func filter(_ request: Request) throws(ProtocolError) -> ReportFilter {
        ReportFilter(theme: try request.string("theme"), place: try request.string("place"),
                     since: try request.date("since"), until: try request.date("until"),
                     limit: try request.int("limit", default: 20, range: 1...1000),
                     offset: try request.int("offset", default: 0, range: 0...Int(Int32.max)),
                     collapse: try request.flag("collapse", default: false))
    }

    static func themeSummaries(_ themes: [ThemeScore]) -> JSONValue {
        .array(themes.map { .object([("id", .string($0.id)), ("score", .double(($0.score * 1000).rounded() / 1000))]) })
    }

    func list(_ request: Request) throws -> JSONValue {
        let (total, reports) = try daemon.store.list(try filter(request))
        return .object([("total", .int(total)), ("reports", .array(reports.map { r in
            .object([("id", .string(r.id)), ("file", .string(r.file)), ("title", .optional(r.title)),
                     ("published", .optional(r.published)), ("received", .string(r.received)),
                     ("themes", Self.themeSummaries(r.themes)), ("labelled", .bool(r.labelled))])
        }))])
    }

    func search(_ request: Request) throws -> JSONValue {
        let q = try request.requiredString("q")
        guard SearchTokens.matchExpression(q) != nil else {
            throw ProtocolError(.badRequest, "\"q\" has nothing to search for (Chinese characters, words or numbers)")
        }
        let (total, hits) = try daemon.store.search(q, filter: try filter(request))
        return .object([("total", .int(total)), ("hits", .array(hits.map { h in
            .object([("report", .string(h.report)), ("article", .int(h.article)), ("title", .optional(h.title)),
                     ("score", .double((h.score * 1000).rounded() / 1000)), ("snippet", .string(h.snippet)),
                     ("themes", Self.themeSummaries(h.themes)), ("themes_by", .string(h.themesBy))])
        }))])
    }

    func failed(_ request: Request) throws -> JSONValue {
        let limit = try request.int("limit", default: 50, range: 1...10_000)
        return .object([("failed", .array(try daemon.store.failures(limit: limit).map { f in
            .object([("file", .string(f.file)), ("code", .string(f.code)), ("reason", .string(f.reason)),
                     ("at", .string(f.at)), ("path", .optional(f.path))])
        }))])
    }

    func classify(_ request: Request) throws -> JSONValue {
        let text = try request.requiredString("text")
        let report = daemon.builder.analyse(text)
        return .object([
            ("headline", .optional(report.headline)), ("published", .optional(report.published)),
            ("articles", .array(report.articles.map(\.json))), ("themes", .array(report.themes.map(\.json))),
            ("not_a_report", .bool(report.notAReport)), ("warnings", .strings(report.warnings)),
        ])
    }

    func label(_ request: Request) throws -> JSONValue {
        let id = try request.requiredString("report")
        guard let articleValue = request.fields["article"] else { throw ProtocolError(.badRequest, "missing \"article\"") }
        guard let index = articleValue.intValue else { throw ProtocolError(.badRequest, "\"article\" must be an integer") }
        guard let themes = try request.stringList("themes") else { throw ProtocolError(.badRequest, "missing \"themes\"") }
        let primary = try request.string("primary")
        let known = Set(daemon.classifierTaxonomy.themes.map(\.id))
        if let unknown = themes.first(where: { !known.contains($0) }) {
            throw ProtocolError(.badRequest, "unknown theme \"\(unknown)\"; see the themes op")
        }
        if let primary, !themes.contains(primary) {
            throw ProtocolError(.badRequest, "\"primary\" must be one of \"themes\"")
        }
        let updated = try daemon.label(report: id, article: index, themes: themes, primary: primary)
        guard let article = updated.articles.first(where: { $0.index == index }) else {
            throw ProtocolError(.notFound, "report \(id) has no article \(index)")
        }
        return .object([("report", .string(id)), ("article", article.json)])
    }
}
