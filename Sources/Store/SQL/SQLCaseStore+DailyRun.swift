import Foundation
import Domain
import Money
import SQLKit

extension SQLCaseStore: DailyRunStore {
    func planRun(day: Day, chunkDossiersMax: Int, firstChunkDossiersMax: Int, plannedAt: String) async throws -> Int {
        precondition(chunkDossiersMax >= 1 && firstChunkDossiersMax >= 1, "a chunk holds at least one dossier")
        let dayValue = Int64(day.daysSinceEpoch)
        return try await transaction { store in
            try await (store as! SQLCaseStore).run { database in
                func chunkCount() async throws -> (all: Int, pending: Int, next: Int64) {
                    let row = try await database.raw(
                        """
                        SELECT COUNT(*) AS all_chunks, CAST(COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0) AS BIGINT) AS pending, \
                        COALESCE(MAX(chunk) + 1, 0) AS next FROM run_chunks WHERE day = \(bind: dayValue)
                        """
                    ).first()
                    return (
                        Int(try row?.decode(column: "all_chunks", as: Int64.self) ?? 0),
                        Int(try row?.decode(column: "pending", as: Int64.self) ?? 0),
                        try row?.decode(column: "next", as: Int64.self) ?? 0
                    )
                }
                let before = try await chunkCount()
                // Chunks still pending (a run that was stopped): finish those first, plan nothing new.
                guard before.pending == 0 else { return before.all }
                // Otherwise a new round covers whatever is due now: on the first run of the day all of
                // it; later, what became due since (claims imported or responses recorded that day).
                // `ORDER BY id || ''` (the same order as `id`) so that SQLite reads the due range of
                // `dossiers_due` and sorts it, rather than walking every dossier in id order to skip
                // the ones not due: a cost that grew with the whole book, on every day. A closed
                // dossier has no next action day (migration 19), so the index alone answers.
                let ids = try await database.raw(
                    """
                    SELECT id FROM dossiers WHERE next_action_day <= \(bind: dayValue) ORDER BY id || ''
                    """
                ).all().map { try $0.decode(column: "id", as: String.self) }
                let first = min(firstChunkDossiersMax, chunkDossiersMax, ids.count)
                let chunks =
                    (first > 0 ? [ids[0..<first]] : [])
                    + stride(from: first, to: ids.count, by: chunkDossiersMax).map {
                        ids[$0..<min($0 + chunkDossiersMax, ids.count)]
                    }
                // ON CONFLICT: a second worker planning at the same moment adds nothing.
                try await (store as! SQLCaseStore).insertRows(
                    "run_chunks", columns: ["day", "chunk", "first_id", "last_id", "status", "dossier_ids"],
                    rows: chunks.enumerated().map { index, chunk in
                        [
                            .integer(dayValue), .integer(before.next + Int64(index)), .text(chunk.first!), .text(chunk.last!),
                            .text("pending"), .text(Self.encodedIDs(chunk)),
                        ]
                    },
                    suffix: "ON CONFLICT (day, chunk) DO NOTHING")
                let after = try await chunkCount()
                try await database.raw(
                    """
                    INSERT INTO run_days (day, chunks, planned_at) VALUES (\(bind: dayValue), \(bind: Int64(after.all)), \(bind: plannedAt)) \
                    ON CONFLICT (day) DO UPDATE SET chunks = excluded.chunks, planned_at = excluded.planned_at
                    """
                ).run()
                return after.all
            }
        }
    }

    func claimChunk(day: Day) async throws -> RunChunk? {
        try await firstPendingChunk(day: day, after: -1, lockingIt: engineName == "postgresql")
    }

    func pendingChunk(day: Day, after number: Int) async throws -> RunChunk? {
        try await firstPendingChunk(day: day, after: number, lockingIt: false)
    }

    /// The pending chunk of `day` with the lowest number above `number`; `lockingIt` takes its row
    /// (`FOR UPDATE SKIP LOCKED`, PostgreSQL) so no other worker claims it.
    private func firstPendingChunk(day: Day, after number: Int, lockingIt: Bool) async throws -> RunChunk? {
        try await run { database in
            let sql: String = """
                SELECT chunk, first_id, last_id, dossier_ids FROM run_chunks WHERE day = \(day.daysSinceEpoch) AND status = 'pending' \
                AND chunk > \(number) ORDER BY chunk LIMIT 1\(lockingIt ? " FOR UPDATE SKIP LOCKED" : "")
                """
            guard let row = try await database.raw(SQLQueryString(sql)).first() else { return nil }
            return RunChunk(
                day: day, number: Int(try row.decode(column: "chunk", as: Int64.self)),
                firstID: Dossier.ID(try row.decode(column: "first_id", as: String.self)),
                lastID: Dossier.ID(try row.decode(column: "last_id", as: String.self)),
                dossierIDs: try row.decode(column: "dossier_ids", as: String?.self).map(Self.decodedIDs))
        }
    }

    /// A chunk's dossier ids as stored in `run_chunks.dossier_ids`: a JSON array of strings.
    static func encodedIDs(_ ids: some Collection<String>) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(ids.count * 20 + 2)
        for (index, id) in ids.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendQuoted(id, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The ids `encodedIDs` wrote (or any JSON array of strings: stores planned before wrote them
    /// through Foundation, which escapes `/`).
    static func decodedIDs(_ text: String) throws -> [Dossier.ID] {
        try readingJSON("the dossier ids of a chunk") { try CanonicalJSONDecoder().decode([String].self, from: text) }
            .map { Dossier.ID($0) }
    }

    func readAheadStore() async throws -> (any DailyRunStore)? {
        guard let reader = try await executor.reader() else { return nil }
        return SQLCaseStore(executor: reader)
    }

    func changeMark() async throws -> Int64? {
        let executor = self.executor
        return try await run { database in try await executor.changeMark(on: database) }
    }

    func finishChunk(_ chunk: RunChunk, finishedAt: String) async throws {
        try await run { database in
            try await database.raw(
                """
                UPDATE run_chunks SET status = 'done', finished_at = \(bind: finishedAt), dossier_ids = NULL \
                WHERE day = \(bind: Int64(chunk.day.daysSinceEpoch)) AND chunk = \(bind: Int64(chunk.number))
                """
            ).run()
        }
    }

    func runStatus(day: Day) async throws -> RunStatus {
        try await run { database in
            let row = try await database.raw(
                """
                SELECT COUNT(*) AS chunks, CAST(COALESCE(SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END), 0) AS BIGINT) AS finished \
                FROM run_chunks WHERE day = \(bind: Int64(day.daysSinceEpoch))
                """
            ).first()
            return RunStatus(
                chunks: Int(try row?.decode(column: "chunks", as: Int64.self) ?? 0),
                finished: Int(try row?.decode(column: "finished", as: Int64.self) ?? 0))
        }
    }

    func dossiersDue(in chunk: RunChunk) async throws -> [Dossier] {
        try await dueRows(of: chunk, withProgress: false).map(\.dossier)
    }

    func dossiersDueWithProgress(in chunk: RunChunk) async throws -> (
        dossiers: [Dossier], progress: [Dossier.ID: String], balances: [Dossier.ID: LedgerBalances]
    ) {
        let rows = try await dueRows(of: chunk, withProgress: true)
        var progress: [Dossier.ID: String] = [:]
        var balances: [Dossier.ID: LedgerBalances] = [:]
        for row in rows {
            if let text = row.progress { progress[row.dossier.id] = text }
            if let kept = row.balances { balances[row.dossier.id] = kept }
        }
        return (rows.map(\.dossier), progress, balances)
    }

    /// The due dossiers of `chunk` in chunk order, with their progress column and their balances
    /// (nil for a dossier with nothing booked, as `balances(of:)` leaves it out) when asked for.
    private func dueRows(of chunk: RunChunk, withProgress: Bool) async throws -> [DueRow] {
        let select = withProgress ? Self.dossierProgressAndBalancesSelect : Self.dossierSelect
        let read: @Sendable (any SQLRow) throws -> DueRow = { row in
            guard withProgress else { return (try Self.dossier(row), nil, nil) }
            return (
                try Self.dossier(row), try row.decode(column: "progress", as: String?.self), try Self.keptBalances(row)
            )
        }
        if let ids = chunk.dossierIDs {
            let dayValue = Int64(chunk.day.daysSinceEpoch)
            return try await run { database in
                var found: [Dossier.ID: DueRow] = [:]
                for part in Self.chunks(ids.map(\.rawValue)) {
                    for row in try await database.raw(
                        """
                        \(unsafeRaw: select) WHERE id IN (\(binds: part)) \
                        AND next_action_day <= \(bind: dayValue) AND state <> 'closed'
                        """
                    ).all() {
                        let due = try read(row)
                        found[due.dossier.id] = due
                    }
                }
                // In the order planned: the store's id order (byte by byte), as the range read has it.
                return ids.compactMap { found[$0] }
            }
        }
        return try await run { database in
            try await database.raw(
                """
                \(unsafeRaw: select) WHERE id >= \(bind: chunk.firstID.rawValue) AND id <= \(bind: chunk.lastID.rawValue) \
                AND next_action_day <= \(bind: Int64(chunk.day.daysSinceEpoch)) AND state <> 'closed' ORDER BY id
                """
            ).all().map(read)
        }
    }

    func progress(of ids: [Dossier.ID]) async throws -> [Dossier.ID: String] {
        try await selectByIDs(ids, "SELECT id, progress FROM dossiers WHERE progress IS NOT NULL AND id IN") {
            row, result in
            result[Dossier.ID(try row.decode(column: "id", as: String.self))] = try row.decode(
                column: "progress", as: String.self)
        }
    }

    func balances(of ids: [Dossier.ID]) async throws -> [Dossier.ID: LedgerBalances] {
        let columns = Self.balanceColumns.map(\.column).joined(separator: ", ")
        return try await selectByIDs(ids, "SELECT id, " + columns + " FROM dossiers WHERE id IN") { row, result in
            if let balances = try Self.keptBalances(row) {
                result[Dossier.ID(try row.decode(column: "id", as: String.self))] = balances
            }
        }
    }

    /// A dossier row's kept balances (`balanceColumns`); nil when nothing is booked, as the sums of
    /// its postings had it.
    static func keptBalances(_ row: any SQLRow) throws -> LedgerBalances? {
        let balances = LedgerBalances(
            sums: try balanceColumns.map { column in
                (column.account, Money(cents: try row.decode(column: column.column, as: Int64.self)))
            })
        return balances.isEmpty ? nil : balances
    }

    /// A due dossier as the chunk read gives it.
    typealias DueRow = (dossier: Dossier, progress: String?, balances: LedgerBalances?)

    func claims(ofDossiers ids: [Dossier.ID]) async throws -> [Dossier.ID: [Claim]] {
        let found: [Dossier.ID: [Claim]] = try await selectByIDs(ids, "SELECT * FROM claims WHERE dossier_id IN") {
            row, result in
            let claim = try Self.claim(row)
            result[claim.dossierID, default: []].append(claim)
        }
        return found.mapValues { $0.sorted { ($0.dueDay, $0.id) < ($1.dueDay, $1.id) } }
    }

    func clients(_ ids: [Client.ID]) async throws -> [Client.ID: Client] {
        try await run { database in
            var found: [Client.ID: Client] = [:]
            for chunk in Self.chunks(ids.map(\.rawValue)) {
                for row in try await database.raw("SELECT * FROM clients WHERE id IN (\(binds: chunk))").all() {
                    let client = try Self.client(row)
                    found[client.id] = client
                }
            }
            return found
        }
    }

    func recordResponse(dossierID: Dossier.ID, day: Day, response: String) async throws -> Int64 {
        try await transaction { store in
            let store = store as! SQLCaseStore
            let sequence = try await store.run { database in
                let row = try await database.raw(
                    "SELECT COALESCE(MAX(sequence), 0) AS last FROM debtor_responses WHERE dossier_id = \(bind: dossierID.rawValue)"
                ).first()
                let sequence = (try row?.decode(column: "last", as: Int64.self) ?? 0) + 1
                try await database.raw(
                    """
                    INSERT INTO debtor_responses (dossier_id, sequence, day, response) \
                    VALUES (\(bind: dossierID.rawValue), \(bind: sequence), \(bind: Int64(day.daysSinceEpoch)), \(bind: response))
                    """
                ).run()
                return sequence
            }
            // The response wakes the dossier on its day, as a payment does (a paused dossier has no
            // next action day).
            try await store.wakeDossiers([dossierID], on: day)
            return sequence
        }
    }

    func responses(ofDossiers ids: [Dossier.ID], through: Day) async throws -> [Dossier.ID: [StoredResponse]] {
        let found: [Dossier.ID: [StoredResponse]] = try await selectByIDs(
            ids, "SELECT * FROM debtor_responses WHERE day <= " + String(through.daysSinceEpoch) + " AND dossier_id IN"
        ) { row, result in
            let id = Dossier.ID(try row.decode(column: "dossier_id", as: String.self))
            result[id, default: []].append(
                StoredResponse(
                    dossierID: id, sequence: try row.decode(column: "sequence", as: Int64.self),
                    day: Day(daysSinceEpoch: Int(try row.decode(column: "day", as: Int64.self))),
                    response: try row.decode(column: "response", as: String.self)))
        }
        return found.mapValues { $0.sorted { $0.sequence < $1.sequence } }
    }

    func insertOutbox(_ rows: [OutboxRow]) async throws {
        try await insertRows(
            "outbox", columns: ["id", "dossier_id", "channel", "planned_day", "person_key", "message", "client_id"],
            rows: rows.map { row in
                [
                    .text(row.id), .text(row.dossierID.rawValue), .text(row.channel.rawValue),
                    .integer(Int64(row.plannedDay.daysSinceEpoch)), .text(row.personKey), .text(row.message),
                    .text(row.clientID?.rawValue),
                ]
            },
            suffix: "ON CONFLICT (planned_day, id) DO NOTHING")
    }

    func lockPersons(_ personKeys: [String]) async throws {
        // SQLite has one writer at a time: the daily run's transaction (BEGIN IMMEDIATE) holds the
        // file's write lock from before it reads a chunk until it commits, which already serialises
        // every reader-then-writer of the outbox.
        guard engineName == "postgresql", !personKeys.isEmpty else { return }
        // Transaction-scoped advisory locks on a stable 64-bit hash of each key, taken in ascending
        // order by every transaction, so two chunks sharing persons wait for each other and never
        // deadlock. A hash collision only makes an unrelated chunk wait a moment.
        let keys = Set(personKeys.map(Self.lockKey)).sorted()
        let list = keys.map(String.init).joined(separator: ",")
        try await run { database in
            try await database.raw(
                SQLQueryString(
                    """
                    SELECT COUNT(pg_advisory_xact_lock(k)) AS n FROM (SELECT unnest(ARRAY[\(unsafeRaw: list)]::bigint[]) AS k ORDER BY k) AS ordered
                    """)
            ).run()
        }
    }

    /// FNV-1a over the key's UTF-8 bytes: the same number in every process and release.
    static func lockKey(_ personKey: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in personKey.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    func plannedContacts(personKeys: [String], from: Day) async throws -> [String: [PlannedContact]] {
        guard !personKeys.isEmpty else { return [:] }
        return try await run { database in
            var found: [String: [PlannedContact]] = [:]
            let last = try await database.raw("SELECT MAX(planned_day) AS last FROM outbox").first()?.decode(
                column: "last", as: Int64?.self)
            guard let last, last >= from.daysSinceEpoch else { return found }
            // One lookup per day and person in `outbox_by_day_person`, which holds every column read
            // (migration 18), so no message row is read; should messages ever be planned far ahead, one
            // range of days instead.
            let days = Array(Int64(from.daysSinceEpoch)...last)
            for chunk in Self.chunks(Array(Set(personKeys)).sorted()) {
                let dayCondition: SQLQueryString =
                    days.count <= Self.contactDaysLookedUpMax
                    ? "planned_day IN (\(binds: days))" : "planned_day >= \(bind: days[0])"
                let rows = try await database.raw(
                    "SELECT planned_day, person_key, channel, dossier_id FROM outbox WHERE " + dayCondition
                        + " AND person_key IN (\(binds: chunk))"
                ).all()
                for row in rows {
                    let contact = PlannedContact(
                        dossierID: Dossier.ID(try row.decode(column: "dossier_id", as: String.self)),
                        channel: try Self.channel(row),
                        plannedDay: Day(daysSinceEpoch: Int(try row.decode(column: "planned_day", as: Int64.self))))
                    found[try row.decode(column: "person_key", as: String.self), default: []].append(contact)
                }
            }
            return found
        }
    }

    /// Up to this many days of planned contacts are read one day at a time (`plannedContacts`).
    static let contactDaysLookedUpMax = 62

    func outbox(plannedOn day: Day, after afterID: String?, limit: Int) async throws -> [OutboxRow] {
        try await run { database in
            try await database.raw(
                """
                SELECT * FROM outbox WHERE planned_day = \(bind: Int64(day.daysSinceEpoch)) AND id > \(bind: afterID ?? "") \
                ORDER BY id LIMIT \(bind: Int64(limit))
                """
            ).all().map(Self.outboxRow)
        }
    }

    func costCharges(debtors: [Debtor.ID], since: Day) async throws -> [Debtor.ID: [(day: Day, amount: Money)]] {
        guard !debtors.isEmpty else { return [:] }
        return try await run { database in
            var found: [Debtor.ID: [(day: Day, amount: Money)]] = [:]
            for chunk in Self.chunks(debtors.map(\.rawValue)) {
                let rows = try await database.raw(
                    """
                    SELECT d.debtor_id, p.day, p.amount_cents FROM ledger_postings p JOIN dossiers d ON d.id = p.dossier_id \
                    WHERE p.account = 'costs' AND p.day > \(bind: Int64(since.daysSinceEpoch)) AND d.debtor_id IN (\(binds: chunk))
                    """
                ).all()
                for row in rows {
                    // Costs are credited (negative); a charge is the amount credited.
                    found[Debtor.ID(try row.decode(column: "debtor_id", as: String.self)), default: []].append(
                        (
                            Day(daysSinceEpoch: Int(try row.decode(column: "day", as: Int64.self))),
                            Money(cents: -(try row.decode(column: "amount_cents", as: Int64.self)))
                        ))
                }
            }
            return found
        }
    }

    func openDossierCounts(persons personKeys: [String]) async throws -> [String: Int] {
        guard !personKeys.isEmpty else { return [:] }
        return try await run { database in
            var found: [String: Int] = [:]
            for chunk in Self.chunks(Array(Set(personKeys)).sorted()) {
                let rows = try await database.raw(
                    """
                    SELECT d.person_key, COUNT(*) AS open FROM debtors d JOIN dossiers x ON x.debtor_id = d.id \
                    WHERE x.state <> 'closed' AND d.person_key IN (\(binds: chunk)) GROUP BY d.person_key
                    """
                ).all()
                for row in rows {
                    found[try row.decode(column: "person_key", as: String.self)] = Int(
                        try row.decode(column: "open", as: Int64.self))
                }
            }
            return found
        }
    }

    static func channel(_ row: any SQLRow) throws -> Channel {
        let channelText = try row.decode(column: "channel", as: String.self)
        guard let channel = Channel(rawValue: channelText) else { throw StoreError.unreadable("channel \(channelText)") }
        return channel
    }

    static func outboxRow(_ row: any SQLRow) throws -> OutboxRow {
        OutboxRow(
            id: try row.decode(column: "id", as: String.self),
            dossierID: Dossier.ID(try row.decode(column: "dossier_id", as: String.self)), channel: try channel(row),
            plannedDay: Day(daysSinceEpoch: Int(try row.decode(column: "planned_day", as: Int64.self))),
            personKey: try row.decode(column: "person_key", as: String.self),
            message: try row.decode(column: "message", as: String.self),
            clientID: try row.decode(column: "client_id", as: String?.self).map(Client.ID.init))
    }

    /// Runs `prefix (ids...) suffix` in chunks of ids and folds the rows into a dictionary.
    func selectByIDs<Value: Sendable>(
        _ ids: [Dossier.ID], _ prefix: String, suffix: String = "",
        _ fold: (any SQLRow, inout [Dossier.ID: Value]) throws -> Void
    ) async throws -> [Dossier.ID: Value] {
        guard !ids.isEmpty else { return [:] }
        return try await run { database in
            var result: [Dossier.ID: Value] = [:]
            for chunk in Self.chunks(ids.map(\.rawValue)) {
                for row in try await database.raw(SQLQueryString(prefix) + " (\(binds: chunk))" + SQLQueryString(suffix)).all() {
                    try fold(row, &result)
                }
            }
            return result
        }
    }
}
