import Classify
import Foundation
import ReportModel
import ServiceLifecycle
import Store
import Testing
@testable import Daemon

/// Reload (op and SIGHUP), label and ingest at once, round after round: no label and no report is lost.
/// Before mutations went through one owner, a reload could write back a report it had read before a
/// label changed it, and the label vanished from the report.
@Suite(.serialized) struct ConcurrentMutationTests {
    @Test func reloadLabelHangupAndIngestAtOnceLoseNothing() async throws {
        let fixture = try DaemonFixture(config: "max_file_bytes = 1000000\n")
        defer { fixture.remove() }
        let daemon = fixture.daemon
        let seeded = 12
        for n in 0..<seeded { try fixture.drop("seed-\(n).txt", DaemonFixture.text(n)) }
        try daemon.start()
        let group = daemon.serviceGroup()
        let running = Task { try await group.run() }
        #expect(try await fixture.waitForReports(seeded) == seeded)
        let (_, listed) = try daemon.store.list(.init(limit: 100))
        let ids = listed.map(\.id)
        #expect(ids.count == seeded)

        let themes = ["elevator-retrofit", "old-community-renovation", "property-management", "community-services"]
        let known = Set(daemon.state.taxonomy.themes.map(\.id))
        let usable = themes.filter(known.contains)
        #expect(usable.count >= 2)

        let rounds = 6
        var expected: [String: String] = [:]   // report id → theme labelled last
        var dropped = seeded
        for round in 0..<rounds {
            let labels = ids.enumerated().map { i, id in (id, usable[(i + round) % usable.count]) }
            for (id, theme) in labels { expected[id] = theme }
            let names = (0..<4).map { "round-\(round)-\($0).txt" }
            dropped += names.count
            await withTaskGroup(of: Void.self) { tasks in
                for (id, theme) in labels {
                    tasks.addTask {
                        let answer = try? fixture.request(#"{"op":"label","report":"\#(id)","article":0,"themes":["\#(theme)"]}"#)
                        #expect(answer?.ok == true, "\(answer?.text ?? "no answer")")
                    }
                }
                for _ in 0..<2 {
                    tasks.addTask {
                        let answer = try? fixture.request(#"{"op":"reload"}"#)
                        #expect(answer?.ok == true, "\(answer?.text ?? "no answer")")
                    }
                }
                tasks.addTask { kill(getpid(), SIGHUP) }
                tasks.addTask {
                    for (k, name) in names.enumerated() { try? fixture.drop(name, DaemonFixture.text(1000 * (round + 1) + k)) }
                }
            }
        }
        // Every dropped file becomes a report; a last reload queues behind any SIGHUP still running.
        #expect(try await fixture.waitForReports(dropped) == dropped)
        _ = try daemon.state.reload()
        for (id, theme) in expected {
            let report = try #require(try daemon.store.report(id: id))
            let article = try #require(report.articles.first { $0.index == 0 })
            #expect(article.themesBy == .person, "report \(id) lost its label")
            #expect(article.themes.map(\.id) == [theme], "report \(id): \(article.themes.map(\.id)), labelled \(theme)")
        }
        #expect(try daemon.store.labels().count == seeded)
        await group.triggerGracefulShutdown()
        try await running.value
    }
}
