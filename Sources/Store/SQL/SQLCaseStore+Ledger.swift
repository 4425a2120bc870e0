import Domain
import Foundation
import Money
import SQLKit

extension SQLCaseStore {
    func appendLedger(_ transactions: [LedgerTransaction]) async throws {
        guard transactions.contains(where: { !$0.postings.isEmpty }) else { return }
        // The postings and the balances they change together, or neither.
        try await transaction { store in
            let store = store as! SQLCaseStore
            try await store.insertPostings(transactions)
            try await store.addToBalances(transactions)
        }
    }

    /// The postings of `transactions`, as rows of `ledger_postings` (the balances left alone).
    func insertPostings(_ transactions: [LedgerTransaction]) async throws {
        var rows: [[SQLValue]] = []
        rows.reserveCapacity(transactions.count * 2)
        for transaction in transactions {
            for (position, posting) in transaction.postings.enumerated() {
                rows.append([
                    .text(transaction.id.rawValue), .integer(Int64(position)), .text(transaction.dossierID.rawValue),
                    .integer(Int64(transaction.day.daysSinceEpoch)), .text(transaction.memo),
                    .text(transaction.reverses?.rawValue), .text(posting.account.rawValue),
                    .integer(posting.amount.cents),
                ])
            }
        }
        try await insertRows(
            "ledger_postings",
            columns: [
                "transaction_id", "position", "dossier_id", "day", "memo", "reverses", "account", "amount_cents",
            ], rows: rows)
    }

    /// The running balance of each ledger account, kept in the dossier's row (migration 17) and
    /// added to in the transaction that appends the postings, so that a dossier's balances are read
    /// with the dossier instead of summed from its postings. In the accounts' own order, so a
    /// posting's column is its account's `ordinal`.
    static let balanceColumns: [(account: LedgerAccount, column: String)] = [
        (.debtorReceivable, "balance_receivable"), (.principal, "balance_principal"), (.interest, "balance_interest"),
        (.costs, "balance_costs"), (.paymentsReceived, "balance_payments"), (.writeOff, "balance_write_off"),
        (.remittance, "balance_remittance"),
    ]

    /// What `transactions` add to each of their dossiers' balances, in the order of `balanceColumns`.
    static func balanceSums(_ transactions: [LedgerTransaction]) -> [Dossier.ID: [Int64]] {
        var sums: [Dossier.ID: [Int64]] = [:]
        let zero = Array(repeating: Int64(0), count: balanceColumns.count)
        for transaction in transactions { add(transaction, to: &sums[transaction.dossierID, default: zero]) }
        return sums
    }

    /// Adds the postings of `transaction` to `sums`, balances in the order of `balanceColumns`.
    static func add(_ transaction: LedgerTransaction, to sums: inout [Int64]) {
        for posting in transaction.postings { sums[posting.account.ordinal] += posting.amount.cents }
    }

    /// The schema version that keeps balances in the dossier row.
    static let balancesInDossierRowVersion = 17

    /// Whether this store's schema keeps balances in the dossier row (a store of an older one is
    /// only ever met in the tests of the migrations).
    func keepsBalancesInDossierRow() async throws -> Bool {
        try await run { database in try await Self.recordedSchemaVersion(database) >= Self.balancesInDossierRowVersion }
    }

    /// Adds the postings of `transactions` to the running balances of their dossiers: one UPDATE per
    /// dossier on SQLite (a prepared statement, re-bound), one per thousand on PostgreSQL. A store
    /// of an older schema (tests build those) has no such columns and is left as it is.
    private func addToBalances(_ transactions: [LedgerTransaction]) async throws {
        let columns = Self.balanceColumns
        let sums = Self.balanceSums(transactions)
        guard !sums.isEmpty, try await keepsBalancesInDossierRow() else { return }
        let ids = sums.keys.sorted()
        let m = TypedStatement.mark
        let executor = self.executor
        let found: Set<String> = try await run { database in
            if executor.runsInProcess {
                let additions = columns.map { "\($0.column) = \($0.column) + \(m)" }
                let template = "UPDATE dossiers SET " + additions.joined(separator: ", ") + " WHERE id = \(m)"
                let rows = ids.map { id in sums[id]!.map { SQLValue.integer($0) } + [.text(id.rawValue)] }
                let changed = try await executor.changed(eachOf: template, rows: rows, on: database)
                return Set(zip(ids, changed).filter(\.1).map(\.0.rawValue))
            }
            var updated: Set<String> = []
            for start in stride(from: 0, to: ids.count, by: Self.rowsPerStatementMax) {
                let part = ids[start..<min(start + Self.rowsPerStatementMax, ids.count)]
                let casts =
                    "(CAST(\(m) AS TEXT)" + String(repeating: ", CAST(\(m) AS BIGINT)", count: columns.count) + ")"
                let template =
                    "WITH v (id, " + columns.map(\.column).joined(separator: ", ") + ") AS (VALUES "
                    + Array(repeating: casts, count: part.count).joined(separator: ", ") + ") UPDATE dossiers SET "
                    + columns.map { "\($0.column) = dossiers.\($0.column) + v.\($0.column)" }.joined(separator: ", ")
                    + " FROM v WHERE dossiers.id = v.id RETURNING dossiers.id"
                let binds = part.flatMap { id in [SQLValue.text(id.rawValue)] + sums[id]!.map { .integer($0) } }
                let statement = TypedStatement(template: template, binds: binds)
                updated.formUnion(try await executor.texts(statement, column: "id", on: database))
            }
            return updated
        }
        // Every posting's dossier exists: the postings' rows reference it, and a balance not kept is
        // an invariant broken, so the transaction fails instead.
        if let missing = ids.first(where: { !found.contains($0.rawValue) }) {
            throw StoreError.notFound("dossier \(missing) of a ledger transaction")
        }
    }

    func ledger(ofDossier dossierID: Dossier.ID) async throws -> [LedgerTransaction] {
        try await run { database in
            // `ledger_by_day_dossier` one lookup per day present in the ledger (migration 17), as the
            // journal is read by dossier.
            let byDays = SQLQueryString(
                Self.distinctValues(of: "day", in: "ledger_postings", as: "ledger_days")
                    + " SELECT ledger_postings.* FROM ledger_days"
                    + " JOIN ledger_postings ON ledger_postings.day = ledger_days.d")
            let rows = try await database.raw(
                byDays + " WHERE ledger_postings.dossier_id = \(bind: dossierID.rawValue)"
                    + " ORDER BY day, transaction_id, position"
            ).all()
            return try Self.transactions(rows)
        }
    }

    func ledger(after afterID: LedgerTransaction.ID?, limit: Int) async throws -> [LedgerTransaction] {
        try await run { database in
            let rows = try await database.raw(
                """
                SELECT * FROM ledger_postings WHERE transaction_id IN (SELECT DISTINCT transaction_id FROM ledger_postings \
                WHERE transaction_id > \(bind: afterID?.rawValue ?? "") ORDER BY transaction_id LIMIT \(bind: Int64(limit))) \
                ORDER BY transaction_id, position
                """
            ).all()
            return try Self.transactions(rows)
        }
    }

    /// Groups posting rows (sorted by transaction) into transactions. `LedgerTransaction.init`
    /// checks each one balances: a stored ledger that does not is a broken invariant and stops the program.
    static func transactions(_ rows: [any SQLRow]) throws -> [LedgerTransaction] {
        var result: [LedgerTransaction] = []
        var index = 0
        while index < rows.count {
            let first = rows[index]
            let id = try first.decode(column: "transaction_id", as: String.self)
            var postings: [Posting] = []
            while index < rows.count, try rows[index].decode(column: "transaction_id", as: String.self) == id {
                let accountText = try rows[index].decode(column: "account", as: String.self)
                guard let account = LedgerAccount(rawValue: accountText) else {
                    throw StoreError.unreadable("ledger account \(accountText)")
                }
                postings.append(
                    Posting(account, Money(cents: try rows[index].decode(column: "amount_cents", as: Int64.self))))
                index += 1
            }
            result.append(
                LedgerTransaction(
                    id: LedgerTransaction.ID(id),
                    dossierID: Dossier.ID(try first.decode(column: "dossier_id", as: String.self)),
                    day: Day(daysSinceEpoch: Int(try first.decode(column: "day", as: Int64.self))),
                    memo: try first.decode(column: "memo", as: String.self),
                    postings: postings,
                    reverses: try first.decode(column: "reverses", as: String?.self).map { LedgerTransaction.ID($0) }))
        }
        return result
    }

    // MARK: Journal

    func appendJournal(encoded events: [EncodedJournalEvent], recordedAt: String) async throws {
        try await insertRows(
            "journal", columns: ["dossier_id", "day", "type", "payload", "recorded_at"],
            rows: events.map { encoded in
                let event = encoded.event
                return [
                    .text(event.dossierID.rawValue), .integer(Int64(event.day.daysSinceEpoch)),
                    .text(event.type.rawValue), .text(encoded.payloadJSON), .text(recordedAt),
                ]
            })
    }

    func journal(_ filter: JournalFilter, after afterSequence: Int64, limit: Int) async throws -> [JournalEvent] {
        let condition = Self.condition(filter)
        return try await run { database in
            let statement: SQLQueryString =
                Self.journalSource(filter, selecting: "journal.*") + " WHERE sequence > \(bind: afterSequence)"
                + condition + " ORDER BY sequence LIMIT \(bind: Int64(limit))"
            return try await database.raw(statement).all().map(Self.event)
        }
    }

    func journal(ofDossiers dossierIDs: [Dossier.ID]) async throws -> [JournalEvent] {
        guard !dossierIDs.isEmpty else { return [] }
        let wanted = Set(dossierIDs)
        let sorted = wanted.map(\.rawValue).sorted()
        return try await run { database in
            var events: [JournalEvent] = []
            // A few dossiers: one lookup per day and dossier. Many (the digest's pages of consecutive
            // dossiers): one range of ids per day, keeping the dossiers asked for.
            let byRange = sorted.count > Self.journalDossiersLookedUpMax
            for chunk in byRange ? [[sorted.first!, sorted.last!]] : Self.chunks(sorted) {
                let dossiers: SQLQueryString =
                    byRange
                    ? " WHERE journal.dossier_id >= \(bind: chunk[0]) AND journal.dossier_id <= \(bind: chunk[1])"
                    : " WHERE journal.dossier_id IN (\(binds: chunk))"
                events += try await database.raw(Self.journalByDays(selecting: "journal.*") + dossiers).all()
                    .map(Self.event).filter { wanted.contains($0.dossierID) }
            }
            return events.sorted { ($0.dossierID, $0.sequence ?? 0) < ($1.dossierID, $1.sequence ?? 0) }
        }
    }

    /// Above this many dossiers, `journal(ofDossiers:)` reads the range of ids between the first and
    /// the last instead of looking each one up on each day.
    static let journalDossiersLookedUpMax = 32

    func countJournal(_ filter: JournalFilter) async throws -> Int {
        let condition = Self.condition(filter)
        return try await run { database in
            let statement: SQLQueryString =
                Self.journalSource(filter, selecting: "COUNT(*) AS n") + " WHERE 1 = 1" + condition
            return Int(try await database.raw(statement).first()?.decode(column: "n", as: Int64.self) ?? 0)
        }
    }

    /// `SELECT columns FROM` the journal, reached by day when the filter names a dossier (the index
    /// is by day first), or directly.
    static func journalSource(_ filter: JournalFilter, selecting columns: String) -> SQLQueryString {
        filter.dossierID == nil
            ? SQLQueryString("SELECT " + columns + " FROM journal") : journalByDays(selecting: columns)
    }

    /// `SELECT columns FROM` the journal joined to every day it holds: the days are enumerated from
    /// `journal_by_day_dossier` one lookup each (a loose index scan, on both engines), so a
    /// condition on `dossier_id` that follows is one index lookup per day, never a scan of the journal.
    static func journalByDays(selecting columns: String) -> SQLQueryString {
        SQLQueryString(
            distinctValues(of: "day", in: "journal", as: "journal_days") + " SELECT " + columns
                + " FROM journal_days JOIN journal ON journal.day = journal_days.d")
    }

    /// `AND ...` clauses for a journal filter.
    static func condition(_ filter: JournalFilter) -> SQLQueryString {
        var condition: SQLQueryString = ""
        if let dossierID = filter.dossierID { condition += " AND dossier_id = \(bind: dossierID.rawValue)" }
        if let type = filter.type { condition += " AND type = \(bind: type.rawValue)" }
        if let types = filter.types {
            // `type || ''`, not `type`: a set of types is asked together with a sequence range (the
            // report's projection reads what is new), and an index on `type` would make SQLite walk
            // every event of those types ever written, a scan that grows with the journal, instead
            // of the few events after the watermark.
            condition += types.isEmpty ? " AND 1 = 0" : " AND type || '' IN (\(binds: types.map(\.rawValue).sorted()))"
        }
        if let from = filter.from { condition += " AND day >= \(bind: Int64(from.daysSinceEpoch))" }
        if let through = filter.through { condition += " AND day <= \(bind: Int64(through.daysSinceEpoch))" }
        return condition
    }

    static func event(_ row: any SQLRow) throws -> JournalEvent {
        let typeText = try row.decode(column: "type", as: String.self)
        guard let type = JournalEventType(rawValue: typeText) else {
            throw StoreError.unreadable("journal event type \(typeText)")
        }
        return JournalEvent(
            sequence: try row.decode(column: "sequence", as: Int64.self),
            dossierID: Dossier.ID(try row.decode(column: "dossier_id", as: String.self)),
            day: Day(daysSinceEpoch: Int(try row.decode(column: "day", as: Int64.self))),
            type: type,
            payload: try readingJSON("journal payload") {
                try JournalPayload(storedJSON: row.decode(column: "payload", as: String.self))
            },
            recordedAt: try row.decode(column: "recorded_at", as: String.self))
    }

    // MARK: Imports and counts

    func insertImport(_ record: ImportRecord) async throws {
        try await insertRows(
            "imports",
            columns: ["id", "client_id", "source", "imported", "duplicates", "rejected", "day", "recorded_at"],
            rows: [
                [
                    .text(record.id), .text(record.clientID.rawValue), .text(record.source),
                    .integer(Int64(record.imported)),
                    .integer(Int64(record.duplicates)), .integer(Int64(record.rejected)),
                    .integer(Int64(record.day.daysSinceEpoch)), .text(record.recordedAt),
                ]
            ])
    }

    func countImports(clientID: Client.ID) async throws -> Int {
        try await run { database in
            Int(
                try await database.raw("SELECT COUNT(*) AS n FROM imports WHERE client_id = \(bind: clientID.rawValue)")
                    .first()?
                    .decode(column: "n", as: Int64.self) ?? 0)
        }
    }

    func holdsClaimsOrDebtors(ofClient clientID: Client.ID) async throws -> Bool {
        // A table's ids of the client start with what its id constructor makes of an empty name
        // ("CLIENT/"); they are read as a range of the table's key, up to that prefix with its last
        // byte, an ASCII separator, raised ("CLIENT0"). Both engines compare the ids byte-wise.
        let prefixes = [
            ("claims", Claim.id(client: clientID, invoiceNumber: "").rawValue),
            ("debtors", Debtor.id(client: clientID, reference: "").rawValue),
        ]
        return try await run { database in
            for (table, prefix) in prefixes {
                var bound = Array(prefix.utf8)
                precondition(bound.last.map { $0 < 0x7F } == true, "an id prefix ends in an ASCII separator")
                bound[bound.count - 1] += 1
                let below = String(decoding: bound, as: UTF8.self)
                let found = try await database.raw(
                    "SELECT id FROM \(unsafeRaw: table) WHERE id >= \(bind: prefix) AND id < \(bind: below) LIMIT 1"
                ).first()
                if found != nil { return true }
            }
            return false
        }
    }

    func counts() async throws -> StoreCounts {
        try await run { database in
            func count(_ sql: String) async throws -> Int {
                Int(try await database.raw(SQLQueryString(sql)).first()?.decode(column: "n", as: Int64.self) ?? 0)
            }
            var counts = StoreCounts()
            counts.clients = try await count("SELECT COUNT(*) AS n FROM clients")
            counts.debtors = try await count("SELECT COUNT(*) AS n FROM debtors")
            counts.dossiers = try await count("SELECT COUNT(*) AS n FROM dossiers")
            counts.claims = try await count("SELECT COUNT(*) AS n FROM claims")
            counts.ledgerTransactions = try await count(
                "SELECT COUNT(DISTINCT transaction_id) AS n FROM ledger_postings")
            counts.journalEvents = try await count("SELECT COUNT(*) AS n FROM journal")
            counts.imports = try await count("SELECT COUNT(*) AS n FROM imports")
            return counts
        }
    }
}
