import Foundation
import ReportModel
import Testing
@testable import Classify

/// Classification speed on the dev corpus. Run in release to check the ≥ 10 MB/s target:
/// `swift test -c release -Xswiftc -enable-testing --filter ThroughputTests`.
@Suite struct ThroughputTests {
    @Test func classifiesTheDevCorpusFastEnough() throws {
        let reports = try CorpusTests.reports("dev") + CorpusTests.reports("seed")
        let bytes = reports.reduce(0) { total, report in
            total + report.articles.reduce(0) { $0 + ($1.title?.utf8.count ?? 0) + $1.paragraphs.reduce(0) { $0 + $1.utf8.count } }
        }
        let classifier = ThemeClassifier(taxonomy: .builtIn)
        let clock = ContinuousClock()
        #if DEBUG
        let target = 20
        #else
        let target = 400
        #endif
        var rounds = 0
        var themes = 0
        let elapsed = clock.measure {
            while rounds < target {
                for report in reports { themes += classifier.classify(report.articles, headline: report.headline).themes.count }
                rounds += 1
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(bytes * rounds) / seconds / 1_000_000
        print(String(format: "classify: %.1f MB in %.2f s = %.1f MB/s (one core)", Double(bytes * rounds) / 1e6, seconds, rate))
        #expect(themes > 0)
        #if DEBUG
        #expect(rate > 0.5, "far too slow even for a debug build")
        #else
        #expect(rate >= 10, "classification below 10 MB/s: \(rate)")
        #endif
    }
}
