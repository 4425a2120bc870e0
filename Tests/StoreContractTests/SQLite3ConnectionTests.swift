import SQLKit
import Testing

@testable import Store

/// Every row `sql` returns on `connection` (the SQLite suites' way to run a statement).
func rows(_ connection: SQLite3Connection, _ sql: String, _ binds: [SQLite3Value] = []) throws -> [[SQLite3Value]] {
    var rows: [[SQLite3Value]] = []
    try connection.execute(sql, binds: binds) { _, values in rows.append(values) }
    return rows
}

/// The SQLite connection under the embedded store: values round-trip exactly, prepared statements
/// are reused with new binds, scripts run whole, and errors say what went wrong and leave the
/// connection usable.
@Suite struct SQLite3ConnectionTests {
    @Test func everyKindOfValueRoundTrips() throws {
        let connection = try SQLite3Connection(path: ":memory:")
        defer { connection.close() }
        let values: [SQLite3Value] = [
            .null, .integer(.min), .integer(.max), .integer(0), .real(-0.125), .text(""), .text("Zoë 💶 €1.234,56"),
            .text("a\u{0}b"), .blob([]), .blob([0, 255, 7]),
        ]
        for value in values {
            let read = try rows(connection, "SELECT ?1 AS v", [value])
            // An empty blob reads back as an empty blob or NULL depending on SQLite's storage; both say "no bytes".
            if value == .blob([]) {
                #expect(read == [[.blob([])]] || read == [[.null]])
            } else {
                #expect(read == [[value]], "\(value)")
            }
        }
    }

    /// The texts and blobs of one statement share one buffer while they are bound: each parameter
    /// reads its own bytes, empty ones included, and the next run of the kept statement its new ones.
    @Test func theTextsAndBlobsOfOneStatementEachKeepTheirOwnBytes() throws {
        let connection = try SQLite3Connection(path: ":memory:")
        defer { connection.close() }
        let sql = "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9"
        let first: [SQLite3Value] = [
            .text("first"), .text(""), .blob([1, 2, 3]), .text("Zoë 💶"), .null,
            .text(String(repeating: "x", count: 10_000)), .integer(5), .blob([0]), .text("last"),
        ]
        #expect(try rows(connection, sql, first) == [first])
        let second: [SQLite3Value] = [
            .text(""), .text("b"), .blob([9]), .text(""), .text("e"), .text("f"), .null, .blob([7, 7]), .text(""),
        ]
        #expect(try rows(connection, sql, second) == [second])
        let onlyEmpty: [SQLite3Value] = Array(repeating: .text(""), count: 9)
        #expect(try rows(connection, sql, onlyEmpty) == [onlyEmpty])
    }

    /// A bulk write row by row keeps the promise of one multi-row statement: all rows or none, in
    /// an open transaction (which goes on) and outside one (one commit for all rows).
    @Test func rowsWrittenOneByOneLandTogetherOrNotAtAll() throws {
        let connection = try SQLite3Connection(path: ":memory:")
        defer { connection.close() }
        _ = try rows(connection, "CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER NOT NULL)")
        let insert = "INSERT INTO t (k, n) VALUES (?, ?)"
        try connection.executeEach(insert, rows: [[.text("a"), .integer(1)], [.text("b"), .integer(2)]])
        #expect(try rows(connection, "SELECT COUNT(*) FROM t") == [[.integer(2)]])
        // Outside a transaction: the third row repeats a key, so neither new row stays.
        #expect(throws: SQLite3Error.self) {
            try connection.executeEach(insert, rows: [[.text("c"), .integer(3)], [.text("a"), .integer(4)]])
        }
        #expect(try rows(connection, "SELECT k FROM t ORDER BY k") == [[.text("a")], [.text("b")]])
        // Inside a transaction: the failed rows are undone, the transaction and its earlier work go on.
        _ = try rows(connection, "BEGIN IMMEDIATE")
        try connection.executeEach(insert, rows: [[.text("d"), .integer(5)]])
        #expect(throws: SQLite3Error.self) {
            try connection.executeEach(insert, rows: [[.text("e"), .integer(6)], [.text("e"), .integer(7)]])
        }
        try connection.executeEach(insert, rows: [[.text("f"), .integer(8)]])
        _ = try rows(connection, "COMMIT")
        #expect(try rows(connection, "SELECT k FROM t ORDER BY k") == [[.text("a")], [.text("b")], [.text("d")], [.text("f")]])
        // A wrong number of values is refused before anything is written.
        #expect(throws: SQLite3Error.self) { try connection.executeEach(insert, rows: [[.text("g")]]) }
        #expect(try rows(connection, "SELECT COUNT(*) FROM t") == [[.integer(4)]])
    }

    /// The executor's bulk insert writes groups of `insertGroupRows` rows per statement and the rest
    /// one by one: every row lands with its own values, in order, and a failing row, in a group or
    /// in the rest, leaves none of the call's rows, in a transaction (which goes on) or outside one.
    @Test func groupedInsertsLandWholeOrNotAtAll() async throws {
        let executor = try await SQLiteExecutor.open(path: ":memory:")
        let group = SQLiteExecutor.insertGroupRows
        try #require(group > 1)
        let count = 2 * group + group / 2
        func insert(_ keys: [String]) async throws {
            let rows: [[SQLValue]] = keys.enumerated().map { [.text($1), .integer(Int64($0))] }
            try await executor.withDatabase { database in
                try await executor.insert(MultiRowInsert(table: "t", columns: ["k", "n"], rows: rows[...]), on: database)
            }
        }
        func stored() async throws -> [[SQLite3Value]] {
            try await executor.withDatabase { database in
                var found: [[SQLite3Value]] = []
                for row in try await database.raw("SELECT k, n FROM t ORDER BY rowid").all() {
                    found.append([.text(try row.decode(column: "k", as: String.self)), .integer(try row.decode(column: "n", as: Int64.self))])
                }
                return found
            }
        }
        _ = try await executor.withDatabase { database in try await database.raw("CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER)").run() }
        let first = (0..<count).map { "a\($0)" }
        try await insert(first)
        #expect(try await stored() == first.enumerated().map { [.text($1), .integer(Int64($0))] })
        // A key repeated inside the first group, then inside the rest: neither call leaves a row.
        var inGroup = (0..<count).map { "b\($0)" }
        inGroup[group / 2] = "a3"
        await #expect(throws: SQLite3Error.self) { try await insert(inGroup) }
        var inRest = (0..<count).map { "c\($0)" }
        inRest[count - 1] = "c0"
        await #expect(throws: SQLite3Error.self) { try await insert(inRest) }
        #expect(try await stored().count == count)
        // In a transaction: the failed call is undone, the transaction's earlier rows stay.
        try await executor.withTransaction { database in
            try await executor.insert(
                MultiRowInsert(table: "t", columns: ["k", "n"], rows: [[.text("d0"), .integer(0)]][...]), on: database)
            await #expect(throws: SQLite3Error.self) {
                try await executor.insert(
                    MultiRowInsert(
                        table: "t", columns: ["k", "n"], rows: inGroup.map { [.text($0), .integer(1)] }[...]),
                    on: database)
            }
        }
        #expect(try await stored().count == count + 1)
        try await executor.close()
    }

    /// The statement cache empties itself when full; a bulk write whose savepoint text arrives at a
    /// full cache must still step a live statement (it once stepped the row statement the emptying
    /// had just finalised). The insert is cached first on its own, then the cache is filled to
    /// every size around its limit before the bulk write.
    @Test func aBulkWriteWorksWhenTheStatementCacheIsFull() throws {
        for fill in 120..<136 {
            let connection = try SQLite3Connection(path: ":memory:")
            defer { connection.close() }
            _ = try rows(connection, "CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER NOT NULL)")
            let insert = "INSERT INTO t (k, n) VALUES (?, ?)"
            _ = try rows(connection, insert, [.text("first"), .integer(0)])
            for number in 0..<fill { _ = try rows(connection, "SELECT \(number) AS n") }
            try connection.executeEach(insert, rows: (1...3).map { [.text("k\($0)"), .integer(Int64($0))] })
            #expect(try rows(connection, "SELECT COUNT(*), SUM(n) FROM t") == [[.integer(4), .integer(6)]], "fill \(fill)")
        }
    }

    @Test func aPreparedStatementIsReusedWithNewBinds() throws {
        let connection = try SQLite3Connection(path: ":memory:")
        defer { connection.close() }
        _ = try rows(connection, "CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER NOT NULL)")
        for number in 1...50 {
            _ = try rows(connection, "INSERT INTO t (k, n) VALUES (?, ?)", [.text("k\(number)"), .integer(Int64(number))])
        }
        #expect(try rows(connection, "SELECT COUNT(*), SUM(n) FROM t") == [[.integer(50), .integer(1_275)]])
        #expect(try rows(connection, "SELECT n FROM t WHERE k = ?", [.text("k7")]) == [[.integer(7)]])
        #expect(try rows(connection, "SELECT n FROM t WHERE k = ?", [.text("k42")]) == [[.integer(42)]])
        #expect(try rows(connection, "SELECT n FROM t WHERE k = ?", [.text("none")]) == [])
    }

    @Test func aScriptOfSeveralStatementsRunsWholeAndRefusesBinds() throws {
        let connection = try SQLite3Connection(path: ":memory:")
        defer { connection.close() }
        _ = try rows(connection, "CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1); INSERT INTO a VALUES (2); -- done\n")
        #expect(try rows(connection, "SELECT SUM(x) FROM a") == [[.integer(3)]])
        #expect(throws: SQLite3Error.self) {
            try connection.execute("INSERT INTO a VALUES (?); INSERT INTO a VALUES (?)", binds: [.integer(1), .integer(2)]) {
                _, _ in
            }
        }
    }

    @Test func errorsNameTheCauseAndLeaveTheStatementUsable() throws {
        let connection = try SQLite3Connection(path: ":memory:")
        defer { connection.close() }
        _ = try rows(connection, "CREATE TABLE u (k TEXT PRIMARY KEY)")
        let insert = "INSERT INTO u (k) VALUES (?)"
        _ = try rows(connection, insert, [.text("one")])
        do {
            _ = try rows(connection, insert, [.text("one")])
            Issue.record("a second insert of one key must fail")
        } catch let error as SQLite3Error {
            #expect(error.isUniqueViolation)
            #expect(error.message.contains("UNIQUE"))
        }
        // The same prepared statement, reset after the failure, still works.
        _ = try rows(connection, insert, [.text("two")])
        #expect(try rows(connection, "SELECT COUNT(*) FROM u") == [[.integer(2)]])

        #expect(throws: SQLite3Error.self) { try rows(connection, insert, []) }
        #expect(throws: SQLite3Error.self) { try rows(connection, "SELEKT 1") }
        connection.close()
        #expect(throws: SQLite3Error.self) { try rows(connection, "SELECT 1") }
    }

    @Test func rowsDecodeTheTypesTheStoreReadsAndRefuseOthers() async throws {
        let executor = try await SQLiteExecutor.open(path: ":memory:")
        let row = try #require(
            try await executor.withDatabase { database in
                try await database.raw(
                    "SELECT \(bind: Int64(7)) AS n, \(bind: "x") AS s, NULL AS z, \(bind: true) AS b, \(bind: 1.5) AS d, \(bind: String?.none) AS o"
                ).first()
            })
        try await executor.close()
        #expect(try row.decode(column: "n", as: Int64.self) == 7)
        #expect(try row.decode(column: "n", as: Int.self) == 7)
        #expect(try row.decode(column: "n", as: Int64?.self) == 7)
        #expect(try row.decode(column: "s", as: String.self) == "x")
        #expect(try row.decode(column: "z", as: String?.self) == nil)
        #expect(try row.decode(column: "o", as: Int64?.self) == nil)
        #expect(try row.decode(column: "s", as: String?.self) == "x")
        #expect(try row.decode(column: "z", as: Int64?.self) == nil)
        #expect(throws: DecodingError.self) { try row.decode(column: "s", as: Int64?.self) }
        #expect(throws: DecodingError.self) { try row.decode(column: "n", as: String?.self) }
        #expect(try row.decode(column: "b", as: Bool.self))
        #expect(try row.decode(column: "d", as: Double.self) == 1.5)
        #expect(try row.decodeNil(column: "z"))
        #expect(row.contains(column: "s") && !row.contains(column: "missing"))
        #expect(throws: DecodingError.self) { try row.decode(column: "s", as: Int64.self) }
        #expect(throws: DecodingError.self) { try row.decode(column: "z", as: String.self) }
        #expect(throws: DecodingError.self) { try row.decode(column: "missing", as: String.self) }
    }

    /// `changesEach` tells, row by row, how many rows each UPDATE changed: the store's guarded
    /// dossier writes read a stale version from it as 0.
    @Test func eachUpdateSaysHowManyRowsItChanged() throws {
        let connection = try SQLite3Connection(path: ":memory:")
        defer { connection.close() }
        _ = try rows(connection, "CREATE TABLE t (k TEXT PRIMARY KEY, version INTEGER NOT NULL, tag TEXT)")
        _ = try rows(connection, "INSERT INTO t VALUES ('a', 1, 'x'), ('b', 1, 'x'), ('c', 1, 'y')")
        let update = "UPDATE t SET version = version + 1 WHERE version = ? AND tag = ?"
        let twice: [[SQLite3Value]] = [[.integer(1), .text("x")], [.integer(1), .text("x")]]
        #expect(try connection.changesEach(update, rows: twice) == [2, 0])
        let guarded = "UPDATE t SET version = version + 1 WHERE k = ? AND version = ?"
        let keys: [[SQLite3Value]] = [
            [.text("a"), .integer(2)], [.text("b"), .integer(1)], [.text("c"), .integer(1)], [.text("z"), .integer(1)],
        ]
        let changes = try connection.changesEach(guarded, rows: keys)
        #expect(changes == [1, 0, 1, 0])
        #expect(try rows(connection, "SELECT k, version FROM t ORDER BY k") == [
            [.text("a"), .integer(3)], [.text("b"), .integer(2)], [.text("c"), .integer(2)],
        ])
        #expect(try connection.changesEach(guarded, rows: [[SQLite3Value]]()) == [])
    }
}

/// The lengths `IN` lists are padded to: never shorter than the keys, never more than half again,
/// and few enough that each query's texts stay in the statement cache.
@Suite struct InListLengthTests {
    @Test func paddedLengthsCoverTheKeysWithLittleWaste() {
        let most = SQLCaseStore.rowsPerStatementMax
        var lengths: Set<Int> = []
        for count in 1...most {
            let length = SQLCaseStore.inListLength(count)
            lengths.insert(length)
            #expect(length >= count && length <= most, "\(count) keys -> \(length)")
            #expect(2 * length <= 3 * count + 1, "\(count) keys -> \(length)")
        }
        #expect(lengths.count <= 20, "\(lengths.sorted())")
        #expect(Array(lengths.sorted().prefix(8)) == [1, 2, 3, 4, 6, 8, 12, 16])
        let padded = SQLCaseStore.chunks(["a", "b", "c", "d", "e"]).map { $0.map { "\($0)" } }
        #expect(padded == [["a", "b", "c", "d", "e", "e"]])
    }
}
