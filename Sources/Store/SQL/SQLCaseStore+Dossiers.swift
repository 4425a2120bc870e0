import Domain
import Money
import SQLKit

extension SQLCaseStore {
    static let dossierColumns = [
        "id", "client_id", "debtor_id", "opened_day", "state", "next_action_day", "flags", "closed_day", "close_reason",
        "version",
    ]

    /// The dossier's own columns, for reads that build a `Dossier`: not `SELECT *`, which would copy
    /// the engine's progress (`progress`, JSON) with every row.
    static let dossierSelect = "SELECT " + dossierColumns.joined(separator: ", ") + " FROM dossiers"
    /// The dossier's own columns, the engine's progress and the kept balances, for the daily run's
    /// read of a chunk.
    static let dossierProgressAndBalancesSelect =
        "SELECT " + (dossierColumns + ["progress"] + balanceColumns.map(\.column)).joined(separator: ", ")
        + " FROM dossiers"

    func insertDossiers(_ dossiers: [Dossier]) async throws {
        try await insertRows("dossiers", columns: Self.dossierColumns, rows: dossiers.map(Self.dossierRow))
    }

    func insertDossiers(_ dossiers: [Dossier], openedWith transactions: [[LedgerTransaction]]) async throws {
        precondition(transactions.count == dossiers.count, "one list of opening transactions per dossier")
        try await transaction { store in
            let store = store as! SQLCaseStore
            guard try await store.keepsBalancesInDossierRow() else {
                try await store.insertDossiers(dossiers)
                return try await store.appendLedger(transactions.flatMap { $0 })
            }
            let rows = zip(dossiers, transactions).map { dossier, own in
                var sums = Array(repeating: Int64(0), count: Self.balanceColumns.count)
                for transaction in own {
                    precondition(transaction.dossierID == dossier.id, "an opening transaction of another dossier")
                    Self.add(transaction, to: &sums)
                }
                return Self.dossierRow(dossier) + sums.map { SQLValue.integer($0) }
            }
            try await store.insertRows(
                "dossiers", columns: Self.dossierColumns + Self.balanceColumns.map(\.column), rows: rows)
            try await store.insertPostings(transactions.flatMap { $0 })
        }
    }

    /// A new dossier's values for `dossierColumns`.
    static func dossierRow(_ dossier: Dossier) -> [SQLValue] {
        [
            .text(dossier.id.rawValue), .text(dossier.clientID.rawValue), .text(dossier.debtorID.rawValue),
            .integer(Int64(dossier.openedDay.daysSinceEpoch)), .text(dossier.state.rawValue),
            .integer(dossier.nextActionDay.map { Int64($0.daysSinceEpoch) }),
            .integer(Int64(dossier.flags.rawValue)),
            .integer(dossier.closure.map { Int64($0.day.daysSinceEpoch) }),
            .text(dossier.closure?.reason.rawValue),
            .integer(dossier.version),
        ]
    }

    /// A dossier's id and the version the write expects to find.
    static func versionKey(_ dossier: Dossier) -> [SQLValue] { [.text(dossier.id.rawValue), .integer(dossier.version)] }

    /// The columns a dossier update writes: state, next action day, flags, closed day, close reason.
    static func updatedColumns(_ dossier: Dossier) -> [SQLValue] {
        [
            .text(dossier.state.rawValue), .integer(dossier.nextActionDay.map { Int64($0.daysSinceEpoch) }),
            .integer(Int64(dossier.flags.rawValue)), .integer(dossier.closure.map { Int64($0.day.daysSinceEpoch) }),
            .text(dossier.closure?.reason.rawValue),
        ]
    }

    func dossier(_ id: Dossier.ID) async throws -> Dossier? {
        try await run { database in
            try await database.raw("\(unsafeRaw: Self.dossierSelect) WHERE id = \(bind: id.rawValue)").first().map(Self.dossier)
        }
    }

    func dossiers(_ ids: [Dossier.ID]) async throws -> [Dossier.ID: Dossier] {
        try await selectByIDs(ids, Self.dossierSelect + " WHERE id IN") { row, found in
            let dossier = try Self.dossier(row)
            found[dossier.id] = dossier
        }
    }

    func dossiers(ofDebtors debtorIDs: [Debtor.ID]) async throws -> [Dossier] {
        guard !debtorIDs.isEmpty else { return [] }
        return try await run { database in
            var found: [Dossier] = []
            for chunk in Self.chunks(debtorIDs.map(\.rawValue)) {
                found += try await database.raw("\(unsafeRaw: Self.dossierSelect) WHERE debtor_id IN (\(binds: chunk))").all()
                    .map(Self.dossier)
            }
            return found.sorted { $0.id < $1.id }
        }
    }

    func updateDossiers(_ dossiers: [Dossier], read: [Dossier]) async throws -> [Dossier] {
        try await writeDossiers(dossiers, read: read, progress: nil)
    }

    func updateDossiers(_ dossiers: [Dossier], read: [Dossier], progress: [String]) async throws -> [Dossier] {
        precondition(progress.count == dossiers.count, "one progress per dossier")
        return try await writeDossiers(dossiers, read: read, progress: progress)
    }

    /// Writes new states of `dossiers`, each guarded by the version it was read at, with the engine's
    /// progress of each when `progress` is given (the same order); without it the stored progress stays.
    private func writeDossiers(_ dossiers: [Dossier], read: [Dossier], progress: [String]?) async throws -> [Dossier] {
        guard !dossiers.isEmpty else { return [] }
        // Without progress the statements leave the column out (a store migrated before 13 has none).
        let m = TypedStatement.mark
        let setProgress = progress == nil ? "" : "progress = \(m), "
        func progressBind(_ index: Int) -> [SQLValue] { progress.map { [.text($0[index])] } ?? [] }
        // Every write is guarded by the expected version: a row whose version moved on is simply not
        // updated and so not returned.
        let executor = self.executor
        let updatedIDs: Set<String> = try await run { database in
            if executor.runsInProcess {
                // SQLite: one prepared single-row UPDATE, re-bound per dossier, walks the primary key
                // directly (measured faster than planning a 500-row CTE join per chunk).
                // Most steps leave the state as it was. SQLite rewrites the entry of every index on a
                // column the statement sets, changed or not, so those dossiers go first through an
                // UPDATE that does not set the state (it matches only where the state is already the
                // new one) and `dossiers_by_debtor (debtor_id, state, id)` keeps its pages; the rest,
                // whose state changes (or was read otherwise), through the full UPDATE.
                let unchangedState = """
                    UPDATE dossiers SET next_action_day = \(m), flags = \(m), closed_day = \(m), close_reason = \(m), \
                    \(setProgress)version = version + 1 WHERE id = \(m) AND version = \(m) AND state = \(m)
                    """
                let statesRead = Dictionary(read.map { ($0.id, $0.state) }, uniquingKeysWith: { first, _ in first })
                let staying = dossiers.indices.filter { index in
                    statesRead[dossiers[index].id].map { $0 == dossiers[index].state } ?? true
                }
                // Whether each UPDATE matched is read from SQLite's count of changed rows: `RETURNING`
                // made each of these single-row statements about a third dearer.
                let stayed = try await executor.changed(
                    eachOf: unchangedState,
                    rows: staying.map { index in
                        let dossier = dossiers[index]
                        return Array(Self.updatedColumns(dossier).dropFirst()) + progressBind(index)
                            + Self.versionKey(dossier) + [.text(dossier.state.rawValue)]
                    }, on: database)
                let sameState = Set(zip(staying, stayed).filter(\.1).map { dossiers[$0.0].id.rawValue })
                let rest = dossiers.indices.filter { !sameState.contains(dossiers[$0].id.rawValue) }
                guard !rest.isEmpty else { return sameState }
                let template = """
                    UPDATE dossiers SET state = \(m), next_action_day = \(m), flags = \(m), closed_day = \(m), \
                    close_reason = \(m), \(setProgress)version = version + 1 WHERE id = \(m) AND version = \(m)
                    """
                let rows = rest.map {
                    Self.updatedColumns(dossiers[$0]) + progressBind($0) + Self.versionKey(dossiers[$0])
                }
                let changed = try await executor.changed(eachOf: template, rows: rows, on: database)
                return sameState.union(zip(rest, changed).filter(\.1).map { dossiers[$0.0].id.rawValue })
            }
            // PostgreSQL: one statement per chunk, a CTE of new values joined to the table. Explicit
            // casts give PostgreSQL the types of the VALUES columns (NULLs included). The redundant
            // `dossiers.id IN (SELECT id FROM v)` made SQLite (3.54) drive the join from the primary-key
            // index when it ran this path too; without it, it scanned the whole table per chunk.
            var updated: Set<String> = []
            var start = 0
            while start < dossiers.count {
                let end = min(start + Self.rowsPerStatementMax, dossiers.count)
                var template = "WITH v (id, expected, state, next_day, flags, closed_day, close_reason"
                template += (progress == nil ? "" : ", progress") + ") AS (VALUES "
                var binds: [SQLValue] = []
                binds.reserveCapacity((end - start) * 8)
                for index in start..<end {
                    template += index == start ? "" : ", "
                    template += "(CAST(\(m) AS TEXT), CAST(\(m) AS BIGINT), CAST(\(m) AS TEXT), CAST(\(m) AS BIGINT), "
                    template += "CAST(\(m) AS BIGINT), CAST(\(m) AS BIGINT), CAST(\(m) AS TEXT)"
                    template += progress == nil ? ")" : ", CAST(\(m) AS TEXT))"
                    binds += Self.versionKey(dossiers[index]) + Self.updatedColumns(dossiers[index]) + progressBind(index)
                }
                template += """
                    ) UPDATE dossiers SET state = v.state, next_action_day = v.next_day, flags = v.flags, \
                    closed_day = v.closed_day, close_reason = v.close_reason, \(progress == nil ? "" : "progress = v.progress, ")\
                    version = dossiers.version + 1 \
                    FROM v WHERE dossiers.id = v.id AND dossiers.version = v.expected AND dossiers.id IN (SELECT id FROM v) \
                    RETURNING dossiers.id
                    """
                let statement = TypedStatement(template: template, binds: binds)
                updated.formUnion(try await executor.texts(statement, column: "id", on: database))
                start = end
            }
            return updated
        }
        if let stale = dossiers.first(where: { !updatedIDs.contains($0.id.rawValue) }) {
            if try await dossier(stale.id) == nil { throw StoreError.notFound("dossier \(stale.id)") }
            throw StoreError.conflict(dossier: stale.id, expectedVersion: stale.version)
        }
        return dossiers.map { dossier in
            var stored = dossier
            stored.version += 1
            return stored
        }
    }

    func dossiersDue(on day: Day, after cursor: DueCursor?, limit: Int) async throws -> [Dossier] {
        // Row-value keyset paging over (next_action_day, id): both engines walk the index in order.
        let afterDay = Int64(cursor?.day.daysSinceEpoch ?? Int.min)
        return try await run { database in
            try await database.raw(
                """
                \(unsafeRaw: Self.dossierSelect) WHERE next_action_day <= \(bind: Int64(day.daysSinceEpoch)) \
                AND (next_action_day, id) > (\(bind: afterDay), \(bind: cursor?.id.rawValue ?? "")) \
                ORDER BY next_action_day, id LIMIT \(bind: Int64(limit))
                """
            ).all().map(Self.dossier)
        }
    }

    func dossiersClosed(before day: Day, after afterID: Dossier.ID?, limit: Int) async throws -> [Dossier] {
        try await run { database in
            try await database.raw(
                """
                \(unsafeRaw: Self.dossierSelect) WHERE closed_day < \(bind: Int64(day.daysSinceEpoch)) AND id > \(bind: afterID?.rawValue ?? "") \
                ORDER BY id LIMIT \(bind: Int64(limit))
                """
            ).all().map(Self.dossier)
        }
    }

    func dossiers(after afterID: Dossier.ID?, limit: Int) async throws -> [Dossier] {
        try await run { database in
            try await database.raw(
                "\(unsafeRaw: Self.dossierSelect) WHERE id > \(bind: afterID?.rawValue ?? "") ORDER BY id LIMIT \(bind: Int64(limit))"
            )
            .all().map(Self.dossier)
        }
    }

    func eraseStatements(ofDossiers ids: [Dossier.ID]) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try await run { database in
            var erased: Set<String> = []
            for part in Self.chunks(ids.map(\.rawValue)) {
                let closed = "SELECT id FROM dossiers WHERE state = 'closed' AND id IN (\(binds: part))" as SQLQueryString
                for row in try await database.raw(
                    "DELETE FROM debtor_responses WHERE dossier_id IN (" + closed + ") RETURNING dossier_id"
                ).all() {
                    erased.insert(try row.decode(column: "dossier_id", as: String.self))
                }
                for row in try await database.raw(
                    """
                    UPDATE dossiers SET progress = NULL WHERE progress IS NOT NULL AND state = 'closed' \
                    AND id IN (\(binds: part)) RETURNING id
                    """
                ).all() {
                    erased.insert(try row.decode(column: "id", as: String.self))
                }
            }
            return erased.count
        }
    }

    static func dossier(_ row: any SQLRow) throws -> Dossier {
        let stateText = try row.decode(column: "state", as: String.self)
        guard let state = DossierState(rawValue: stateText) else {
            throw StoreError.unreadable("dossier state \(stateText)")
        }
        var closure: DossierClosure?
        if let closedDay = day(try row.decode(column: "closed_day", as: Int64?.self)) {
            let reasonText = try row.decode(column: "close_reason", as: String?.self) ?? ""
            guard let reason = CloseReason(rawValue: reasonText) else {
                throw StoreError.unreadable("close reason \(reasonText)")
            }
            closure = DossierClosure(day: closedDay, reason: reason)
        }
        guard (state == .closed) == (closure != nil) else {
            throw StoreError.unreadable("dossier closed without a closure, or the reverse")
        }
        return Dossier(
            id: Dossier.ID(try row.decode(column: "id", as: String.self)),
            clientID: Client.ID(try row.decode(column: "client_id", as: String.self)),
            debtorID: Debtor.ID(try row.decode(column: "debtor_id", as: String.self)),
            openedDay: Day(daysSinceEpoch: Int(try row.decode(column: "opened_day", as: Int64.self))),
            state: state,
            nextActionDay: day(try row.decode(column: "next_action_day", as: Int64?.self)),
            flags: DossierFlags(rawValue: Int(try row.decode(column: "flags", as: Int64.self))),
            closure: closure,
            version: try row.decode(column: "version", as: Int64.self))
    }

    // MARK: Claims

    func insertClaims(_ claims: [StoredClaim]) async throws {
        try await insertRows(
            "claims",
            columns: [
                "id", "client_id", "dossier_id", "invoice_number", "invoice_day", "due_day", "principal_cents",
                "description", "import_id", "source_line",
            ],
            rows: claims.map { stored in
                let claim = stored.claim
                return [
                    .text(claim.id.rawValue), .text(claim.clientID.rawValue), .text(claim.dossierID.rawValue),
                    .text(claim.invoiceNumber), .integer(Int64(claim.invoiceDay.daysSinceEpoch)),
                    .integer(Int64(claim.dueDay.daysSinceEpoch)), .integer(claim.principal.cents),
                    .text(claim.description),
                    .text(stored.importID), .integer(stored.sourceLine.map { Int64($0) }),
                ] as [SQLValue]
            })
    }

    func claims(_ ids: [Claim.ID]) async throws -> [Claim.ID: StoredClaim] {
        guard !ids.isEmpty else { return [:] }
        return try await run { database in
            var found: [Claim.ID: StoredClaim] = [:]
            for chunk in Self.chunks(ids.map(\.rawValue)) {
                for row in try await database.raw("SELECT * FROM claims WHERE id IN (\(binds: chunk))").all() {
                    let stored = StoredClaim(
                        claim: try Self.claim(row), importID: try row.decode(column: "import_id", as: String?.self),
                        sourceLine: try row.decode(column: "source_line", as: Int64?.self).map { Int($0) })
                    found[stored.claim.id] = stored
                }
            }
            return found
        }
    }

    func claims(ofDossier dossierID: Dossier.ID) async throws -> [Claim] {
        try await run { database in
            try await database.raw("SELECT * FROM claims WHERE dossier_id = \(bind: dossierID.rawValue) ORDER BY id")
                .all().map(Self.claim)
        }
    }

    static func claim(_ row: any SQLRow) throws -> Claim {
        let invoiceDay = Day(daysSinceEpoch: Int(try row.decode(column: "invoice_day", as: Int64.self)))
        let dueDay = Day(daysSinceEpoch: Int(try row.decode(column: "due_day", as: Int64.self)))
        let principal = Money(cents: try row.decode(column: "principal_cents", as: Int64.self))
        guard dueDay >= invoiceDay, principal.isPositive else {
            throw StoreError.unreadable("claim with bad days or amount")
        }
        return Claim(
            clientID: Client.ID(try row.decode(column: "client_id", as: String.self)),
            dossierID: Dossier.ID(try row.decode(column: "dossier_id", as: String.self)),
            invoiceNumber: try row.decode(column: "invoice_number", as: String.self),
            invoiceDay: invoiceDay, dueDay: dueDay, principal: principal,
            description: try row.decode(column: "description", as: String.self))
    }
}
