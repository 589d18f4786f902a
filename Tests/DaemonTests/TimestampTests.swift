import Foundation
import Testing
@testable import Daemon

@Suite struct TimestampTests {
    /// The protocol's UTC form, zero-padded, and the time it is.
    @Test func nowIsTheProtocolsUTCForm() throws {
        let before = Date()
        let stamp = Timestamp.now()
        #expect(stamp.count == 20)
        #expect(stamp.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/) != nil)
        let parsed = try #require(ISO8601DateFormatter().date(from: stamp))
        #expect(abs(parsed.timeIntervalSince(before)) < 2)
    }
}
