import Foundation
import Logging
import ReportModel

/// Runs `batch_command` after each ingested batch, for programs that cannot hold a socket open (a
/// webhook is `curl` in a two-line script). The batch — the same event objects `subscribe` sends —
/// goes to the program's stdin as one JSON object.
///
/// Never in the way of ingest: batches are handed over and the program runs on a thread of its
/// own, one run at a time; batches that pile up while it runs go together in the next run (at most
/// `maxEvents` waiting: beyond that the oldest are dropped and the drop is logged). A run is stopped
/// after `batch_timeout`; a failure is logged with what the program wrote to stderr, and the next
/// batch runs as usual.
final class BatchCommand: @unchecked Sendable {
    /// The command and timeout in force (a reload may change them).
    let settings: @Sendable () -> (command: String?, timeout: Double)
    let logger: Logger
    /// Events kept waiting at most (the oldest are dropped beyond).
    static let maxEvents = 100_000
    private let condition = NSCondition()
    private var events: [JSONValue] = []
    private var dropped = 0
    private var stopped = false
    private var running = false
    private var sequence = 0
    private var thread: Thread?

    init(logger: Logger, settings: @escaping @Sendable () -> (command: String?, timeout: Double)) {
        self.logger = logger
        self.settings = settings
    }

    /// Hands over one batch's events; returns at once.
    func submit(_ batch: [JSONValue]) {
        guard !batch.isEmpty, settings().command != nil else { return }
        condition.lock()
        defer { condition.unlock() }
        guard !stopped else { return }
        events += batch
        if events.count > Self.maxEvents {
            dropped += events.count - Self.maxEvents
            events.removeFirst(events.count - Self.maxEvents)
        }
        if thread == nil {
            let thread = Thread { [self] in loop() }
            thread.name = "renewald-batch-command"
            self.thread = thread
            thread.start()
        }
        condition.signal()
    }

    /// Stops taking batches; a run in progress ends by its timeout. Batches not yet run are dropped.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until nothing is waiting or running, at most `seconds` (tests).
    func waitUntilIdle(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while !events.isEmpty || running {
            if !condition.wait(until: deadline) { return false }
        }
        return true
    }

    private func loop() {
        while true {
            condition.lock()
            while events.isEmpty && !stopped { condition.wait() }
            if stopped {
                condition.unlock()
                return
            }
            let batch = events
            let lost = dropped
            events = []
            dropped = 0
            sequence += 1
            let number = sequence
            running = true
            condition.unlock()

            if lost > 0 {
                logger.warning("batch_command: \(lost) events were dropped while the command was slow",
                               metadata: ["error_code": "batch_command"])
            }
            run(batch, number: number)

            condition.lock()
            running = false
            condition.broadcast()
            condition.unlock()
        }
    }

    func run(_ batch: [JSONValue], number: Int) {
        let (command, timeout) = settings()
        guard let command else { return }
        let payload = JSONValue.object([("batch", .int(number)), ("events", .array(batch))]).serialized() + "\n"
        let result = ChildProcess.run(command, input: Array(payload.utf8), timeout: timeout)
        let stderr = result.stderr.split(separator: "\n").prefix(5).joined(separator: " | ")
        let said = stderr.isEmpty ? "" : ": \(stderr)"
        switch result.status {
        case .exited(0):
            logger.debug("batch_command ran for batch \(number) (\(batch.count) events)")
        case .exited(let code):
            logger.error("batch_command \(command) exited with status \(code) for batch \(number)\(said)",
                         metadata: ["error_code": "batch_command"])
        case .signaled(let signal):
            logger.error("batch_command \(command) was killed by signal \(signal) for batch \(number)\(said)",
                         metadata: ["error_code": "batch_command"])
        case .timedOut:
            logger.error("batch_command \(command) did not finish within \(Configuration.format(timeout)) and was stopped (batch \(number))\(said)",
                         metadata: ["error_code": "batch_command"])
        case .notStarted(let why):
            logger.error("batch_command cannot be run: \(why)", metadata: ["error_code": "batch_command"])
        }
    }
}
