import Testing
@testable import PostgresStore

@Suite struct PostgresURLTests {
    @Test(arguments: [
        ("postgresql://postgres@/renewald?host=/tmp/pg", PostgresURL.Endpoint.unixSocket(path: "/tmp/pg/.s.PGSQL.5432"), "postgres", "renewald"),
        ("postgresql://u@%2Fvar%2Frun%2Fpostgresql:5433/db", .unixSocket(path: "/var/run/postgresql/.s.PGSQL.5433"), "u", "db"),
        ("postgresql:///collection", .unixSocket(path: "/var/run/postgresql/.s.PGSQL.5432"), "postgres", "collection"),
        ("postgres://alice:secret@db.example:6543/city", .tcp(host: "db.example", port: 6543), "alice", "city"),
        ("postgresql://alice@[::1]/city", .tcp(host: "::1", port: 5432), "alice", "city"),
        ("postgresql://h/?user=bob&dbname=x&port=7000", .tcp(host: "h", port: 7000), "bob", "x"),
        ("postgresql://bob@/", .unixSocket(path: "/var/run/postgresql/.s.PGSQL.5432"), "bob", "bob"),
        ("postgresql://postgres@/renewald?host=/tmp/pg/&port=5999", .unixSocket(path: "/tmp/pg/.s.PGSQL.5999"), "postgres", "renewald"),
    ])
    func parses(_ text: String, _ endpoint: PostgresURL.Endpoint, _ user: String, _ database: String) throws {
        let url = try PostgresURL(text)
        #expect(url.endpoint == endpoint)
        #expect(url.user == user)
        #expect(url.database == database)
    }

    @Test func passwordsAreDecodedAndHidden() throws {
        let url = try PostgresURL("postgresql://alice:p%40ss@host/db")
        #expect(url.password == "p@ss")
        #expect(url.redacted == "postgresql://alice:***@host/db")
        #expect(try PostgresURL("postgresql://a@/db?host=/s&password=xyz").redacted == "postgresql://a@/db?host=/s&password=***")
    }

    @Test(arguments: [
        "mysql://u@h/db", "postgresql//u@h/db", "postgresql://u@h:99999/db", "postgresql://u@h:x/db",
        "postgresql://u@h/db?sslmode=require", "postgresql://u@h/db?nonsense=1", "postgresql://u@h/%zz", "postgresql://u@h1,h2/db",
        "postgresql://u@h/db?host",
    ])
    func refusesWhatItCannotHonour(_ text: String) {
        #expect(throws: PostgresURLError.self) { try PostgresURL(text) }
    }

    @Test func tellsURLsFromSQLite() {
        #expect(PostgresURL.isPostgres("postgresql://x@/y"))
        #expect(PostgresURL.isPostgres("POSTGRES://x@/y"))
        #expect(!PostgresURL.isPostgres("/var/lib/renewald/renewald.sqlite"))
    }
}
