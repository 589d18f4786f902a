import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ReportModel
import Testing
@testable import Classify

/// Classification speed on the dev corpus. Run in release to check the ≥ 10 MB/s target:
/// `swift test -c release -Xswiftc -enable-testing --filter ThroughputTests`.
@Suite struct ThroughputTests {
    @Test(.enabled(if: CorpusRun.requested, CorpusRun.reason)) func classifiesTheDevCorpusFastEnough() throws {
        let reports = try CorpusTests.reports("dev") + CorpusTests.reports("seed")
        let bytes = reports.reduce(0) { total, report in
            total + report.articles.reduce(0) { $0 + ($1.title?.utf8.count ?? 0) + $1.paragraphs.reduce(0) { $0 + $1.utf8.count } }
        }
        let classifier = ThemeClassifier(taxonomy: .builtIn)
        let clock = ContinuousClock()
        let cpuBefore = Self.threadCPUSeconds()
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
        let cpu = Self.threadCPUSeconds() - cpuBefore
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // CPU time of this thread: the machine may be shared, and the target is per core.
        let rate = Double(bytes * rounds) / max(cpu, 1e-9) / 1_000_000
        print(String(format: "classify: %.1f MB in %.2f s CPU (%.2f s wall) = %.1f MB/s on one core",
                     Double(bytes * rounds) / 1e6, cpu, seconds, rate))
        #expect(themes > 0)
        #if DEBUG
        #expect(rate > 0.5, "far too slow even for a debug build")
        #else
        #expect(rate >= 10, "classification below 10 MB/s: \(rate)")
        #endif
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
