import QueryProtocol
import ReportModel
import Testing
@testable import Daemon

/// The op registry is the one list: `hello` shows it, and every op in it is answered.
@Suite struct QueryOpsTests {
    @Test func helloListsTheRegistryAndEveryListedOpIsAnswered() throws {
        let fixture = try DaemonFixture()
        defer { fixture.remove() }
        let offered = QueryOps.all.filter { !$0.isTestHook }.map(\.name)
        #expect(Set(QueryOps.all.map(\.name)).count == QueryOps.all.count, "op names are unique")
        let hello = try fixture.request(#"{"op":"hello"}"#)
        #expect(hello.result?["ops"]?.arrayValue?.compactMap(\.stringValue) == offered)
        for name in offered {
            let answer = try fixture.request(#"{"op":"\#(name)","id":"\#(name)"}"#)
            #expect(answer.code != "unknown_op" && answer.code != "internal", "\(name): \(answer.text)")
            #expect(answer.value["id"]?.stringValue == name)
        }
        #expect(try fixture.request(#"{"op":"debug_stall"}"#).code == "unknown_op", "test hooks are off by default")
    }
}
