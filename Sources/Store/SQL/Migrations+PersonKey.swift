import Domain
import SQLKit

extension Migrations {
    /// Who a debtor is across clients (`PersonKey`), kept on the debtor so the daily run can count a
    /// person's open dossiers at every client in one indexed query ("debt-free" is per person).
    ///
    /// The key is computed in Swift (name and postcode folding are not portable SQL), so the rows of
    /// an older store get theirs in `fill`, inside this migration's transaction: the version row is
    /// written only when every debtor has a key, and a migration stopped half-way rolls back whole
    /// and runs again. `adem db migrate` (PostgreSQL) and every opening of a SQLite store run it.
    ///
    /// Envelope: a batch of 1,000 debtors is ~0.5 MB of profile JSON read, decoded and keyed in a few
    /// milliseconds, and one write (SQLite: one prepared UPDATE re-bound per row; PostgreSQL: one
    /// statement per batch); 500,000 debtors are 500 batches, some tens of seconds in one transaction
    /// that holds the debtors table. The column stays nullable (SQLite cannot add a NOT NULL column
    /// without a default); every write of a debtor sets it.
    static let debtorPersonKeys = Migration(
        version: 6, name: "debtors: person key across clients",
        fill: { store in _ = try await store.fillMissingPersonKeys() }
    ) { engine in
        let key = engine == "postgresql" ? "TEXT COLLATE \"C\"" : "TEXT"
        return [
            "ALTER TABLE debtors ADD COLUMN person_key \(key)",
            "CREATE INDEX debtors_by_person ON debtors (person_key)",
        ]
    }
}

extension SQLCaseStore {
    /// Debtors keyed per batch while filling the person keys of an older store.
    static let personKeyBatchDebtorsMax = 1_000

    /// Computes `PersonKey.of` for every debtor without a person key, in batches in id order (keyset,
    /// so a row whose key could not be written is never read twice); returns how many were keyed.
    func fillMissingPersonKeys(batchDebtorsMax: Int = personKeyBatchDebtorsMax) async throws -> Int {
        precondition(batchDebtorsMax >= 1, "a batch holds at least one debtor")
        var afterID = ""
        var filled = 0
        while true {
            let debtors = try await run { database in
                try await database.raw(
                    """
                    SELECT * FROM debtors WHERE person_key IS NULL AND id > \(bind: afterID) \
                    ORDER BY id LIMIT \(bind: Int64(batchDebtorsMax))
                    """
                ).all().map(Self.debtor)
            }
            guard let last = debtors.last else { return filled }
            try await writePersonKeys(debtors.map { (id: $0.id, key: PersonKey.of($0)) })
            filled += debtors.count
            afterID = last.id.rawValue
        }
    }

    /// Sets the person key of each debtor in `keys` (at most `rowsPerStatementMax` per statement).
    private func writePersonKeys(_ keys: [(id: Debtor.ID, key: String)]) async throws {
        let executor = self.executor
        let m = TypedStatement.mark
        try await run { database in
            if executor.runsInProcess {
                // SQLite: one prepared single-row UPDATE re-bound per debtor walks the primary key.
                _ = try await executor.changed(
                    eachOf: "UPDATE debtors SET person_key = \(m) WHERE id = \(m)",
                    rows: keys.map { [.text($0.key), .text($0.id.rawValue)] }, on: database)
                return
            }
            // PostgreSQL: one statement per slice, new values joined to the table.
            var start = 0
            while start < keys.count {
                let end = min(start + Self.rowsPerStatementMax, keys.count)
                let values = Array(repeating: "(CAST(\(m) AS TEXT), CAST(\(m) AS TEXT))", count: end - start)
                let statement = TypedStatement(
                    template: """
                        WITH v (id, person_key) AS (VALUES \(values.joined(separator: ", "))) \
                        UPDATE debtors SET person_key = v.person_key FROM v WHERE debtors.id = v.id RETURNING debtors.id
                        """,
                    binds: keys[start..<end].flatMap { [SQLValue.text($0.id.rawValue), .text($0.key)] })
                _ = try await executor.texts(statement, column: "id", on: database)
                start = end
            }
        }
    }
}
