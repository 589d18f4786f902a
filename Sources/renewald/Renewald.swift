import ArgumentParser

/// `renewald`: the community-renewal report daemon and its small clients.
@main
struct Renewald: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renewald",
        abstract: "Watch an inbox of community-renewal reports, normalize, classify and store them, and answer queries.",
        discussion: """
            renewald takes every report dropped into its inbox (text in UTF-8, UTF-16 or GB18030), repairs what \
            PDF extraction did to it, splits it into articles, classifies them by theme, stores everything in \
            SQLite with a Chinese full-text index, and answers newline-delimited JSON queries on a Unix socket.

            Try: echo '{"op":"stats"}' | socat - UNIX-CONNECT:/run/renewald/renewald.sock
            """,
        version: "0.1.0",
        subcommands: [Serve.self, Check.self, Query.self, RetryCommand.self, Import.self, DigestCommand.self, BenchmarkStages.self])
}
