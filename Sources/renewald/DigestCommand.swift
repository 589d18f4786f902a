import ArgumentParser
import Daemon
import Digest
import Foundation
import ReportModel

/// `renewald digest`: ask the running daemon for a period's digest and write it as one HTML page.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Write a self-contained HTML digest of what arrived in a period (themes, charts, key figures).",
        discussion: """
            Reads the running daemon over its socket (so any member of the group renewal can run it) with the \
            `digest` op, and writes one page with inline CSS and SVG: no scripts, no network. \
            Example: renewald digest --since 7d --out week.html
            """)

    @OptionGroup var daemon: DaemonAddress

    @Option(help: "Start of the period: a duration back from --until (7d, 4w, 3m) or a date YYYY-MM-DD.")
    var since: String = "7d"

    @Option(help: "End of the period, YYYY-MM-DD (default today, UTC).")
    var until: String?

    @Option(help: "Only articles about this place (a name or part of one, e.g. 武侯区).")
    var place: String?

    @Option(help: "Where to write the page.")
    var out: String

    func run() throws {
        var request: [(String, JSONValue)] = [("op", .string("digest")), ("since", .string(since))]
        if let until { request.append(("until", .string(until))) }
        if let place { request.append(("place", .string(place))) }
        guard let response = try daemon.ask(request) else { throw ValidationError("the daemon gave no answer") }
        guard response["ok"]?.boolValue == true, let digest = response["result"] else {
            throw ValidationError("the daemon refused: \(response["error"]?["message"]?.stringValue ?? "unknown error")")
        }
        let page = DigestPage.html(digest, generatedAt: Self.now())
        do {
            try page.write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("cannot write \(out): \(error.localizedDescription)")
        }
        let count = digest[.articles]?.intValue ?? 0
        print("wrote \(out): \(count) articles from \(digest[.since]?.stringValue ?? "") to \(digest[.until]?.stringValue ?? "")")
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
