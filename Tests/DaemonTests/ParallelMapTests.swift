import Synchronization
import Testing
@testable import Daemon

/// Values made on worker threads must be released once the caller is done with them.
@Suite struct ParallelMapTests {
    final class Tracked: Sendable {
        static let alive = Atomic<Int>(0)
        let value: Int
        init(_ value: Int) { self.value = value; Self.alive.add(1, ordering: .relaxed) }
        deinit { Self.alive.subtract(1, ordering: .relaxed) }
    }

    @Test func keepsOrderAndReleasesWhatItMade() {
        do {
            let out = ParallelMap.map(Array(0..<500)) { Tracked($0 * 2) }
            #expect(out.map(\.value) == Array(0..<500).map { $0 * 2 })
            #expect(Tracked.alive.load(ordering: .relaxed) == 500)
        }
        #expect(Tracked.alive.load(ordering: .relaxed) == 0, "ParallelMap leaked its results")
    }
}
