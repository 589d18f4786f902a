import Foundation
import QueryProtocol
import ReportModel

extension Op where Context == QueryContext {
    /// Test hook `debug_stall`: wedges the ingest loop, so a watchdog can be seen to fire.
    static var debugStall: Op {
        Op("debug_stall", testHook: true) { request, context in
            let seconds = request.fields["seconds"]?.doubleValue ?? 60
            context.queue.addStall(seconds: seconds)
            return .result(.object([("stalling", .double(seconds))]))
        }
    }

    /// Test hook `debug_sleep`: holds a worker thread, as a slow query would.
    static var debugSleep: Op {
        Op("debug_sleep", testHook: true) { request, _ in
            let seconds = request.fields["seconds"]?.doubleValue ?? 1
            Thread.sleep(forTimeInterval: min(seconds, 60))
            return .result(.object([("slept", .double(seconds))]))
        }
    }
}
