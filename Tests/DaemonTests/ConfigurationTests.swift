import Testing
@testable import Daemon

@Suite struct ConfigurationTests {
    @Test func defaultsAreTheDocumentedOnes() {
        let c = Configuration()
        #expect(c.inbox == "/var/spool/renewald/inbox")
        #expect(c.state == "/var/lib/renewald")
        #expect(c.socket == "/run/renewald/renewald.sock")
        #expect(c.maxRequestBytes == 1 << 20 && c.idleTimeoutSeconds == 300)
    }

    @Test func appliesKeyValueLinesWithComments() throws {
        var c = Configuration()
        try c.apply(file: """
            # renewald
            inbox = /tmp/in   # trailing comment
            max_file_bytes=1000

            taxonomy =
            log_level = debug
            """)
        #expect(c.inbox == "/tmp/in" && c.maxFileBytes == 1000 && c.taxonomy == nil && c.logLevel == "debug")
    }

    @Test(arguments: ["inbox /tmp", "colour = blue", "max_file_bytes = -3", "log_level = loud"])
    func rejectsBadLines(text: String) {
        var c = Configuration()
        #expect(throws: ConfigurationError.self) { try c.apply(file: text) }
    }
}
