import Inbox
import Testing
@testable import Daemon

@Suite struct IngestQueueTests {
    static func name(_ text: String) -> FileName { FileName(bytes: Array(text.utf8)) }

    static func file(_ next: IngestQueue.Next) -> FileName? {
        if case .item(.file(let name)) = next { return name }
        return nil
    }

    /// While a batch commits the next one is analysed: a file dropped again under a name still in
    /// flight must wait for its first round, not be read twice at once.
    @Test func holdsBackANameStillInFlight() {
        let queue = IngestQueue()
        let a = Self.name("a.txt"), b = Self.name("b.txt")
        queue.add(a)
        #expect(Self.file(queue.next(timeout: .milliseconds(10))) == a)
        queue.add(a)
        queue.add(b)
        #expect(queue.moreFiles(limit: 10) == [b], "a is in flight, so only b is handed out")
        #expect(queue.pending == 2)
        if case .timeout = queue.next(timeout: .milliseconds(20)) {} else { Issue.record("a was handed out twice") }
        queue.finished([a])
        #expect(Self.file(queue.next(timeout: .milliseconds(10))) == a, "a comes back once its first round is over")
        queue.finished([a, b])
        #expect(queue.pending == 0)
    }

    @Test func pendingCountsWaitingAndInFlight() {
        let queue = IngestQueue()
        for n in 0..<5 { queue.add(Self.name("r\(n).txt")) }
        queue.add(Self.name("r0.txt"))
        #expect(queue.pending == 5, "a name queued twice is queued once")
        let first = Self.file(queue.next(timeout: .milliseconds(10)))
        let more = queue.moreFiles(limit: 2)
        #expect(more.count == 2)
        #expect(queue.pending == 5, "taken names still count until they are finished")
        queue.finished([first!] + more)
        #expect(queue.pending == 2)
    }

    /// A file's writer seen closing it needs no settle interval; the flag lasts one round.
    @Test func remembersWhichNamesWereSeenClosed() {
        let queue = IngestQueue()
        let a = Self.name("a.txt"), b = Self.name("b.txt")
        queue.add(a, closed: true)
        queue.add(b)
        #expect(Self.file(queue.next(timeout: .milliseconds(10))) == a)
        #expect(queue.moreFiles(limit: 5) == [b])
        #expect(queue.wasClosed(a))
        #expect(!queue.wasClosed(b), "found by a scan: must settle")
        queue.finished([a, b])
        queue.add(a)
        #expect(Self.file(queue.next(timeout: .milliseconds(10))) == a)
        #expect(!queue.wasClosed(a), "the flag does not outlive its round")
    }

    /// A name whose file was replaced while in flight comes back once its round is over.
    @Test func queuesAReplacedNameAgainAfterItsRound() {
        let queue = IngestQueue()
        let a = Self.name("a.txt")
        queue.add(a)
        #expect(Self.file(queue.next(timeout: .milliseconds(10))) == a)
        queue.queueAgain(a)
        if case .timeout = queue.next(timeout: .milliseconds(20)) {} else { Issue.record("handed out while in flight") }
        queue.finished([a])
        #expect(Self.file(queue.next(timeout: .milliseconds(10))) == a)
    }

    @Test func moreFilesStopsAtTheFirstRefused() {
        let queue = IngestQueue()
        for n in 0..<4 { queue.add(Self.name("f\(n)")) }
        #expect(queue.moreFiles(limit: 10) { $0 != Self.name("f2") } == [Self.name("f0"), Self.name("f1")])
        #expect(queue.moreFiles(limit: 10) == [Self.name("f2"), Self.name("f3")])
    }
}
