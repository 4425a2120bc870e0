import Domain
import SQLKit

extension SQLCaseStore {
    /// The named indexes the migrations create: those of a new in-memory store, migrated.
    static func migratedIndexNames() async throws -> Set<String> {
        try await CaseStores.withStore(.sqlite(path: ":memory:")) { store in
            _ = try await store.migrate()
            return try await (store as! SQLCaseStore).indexNames()
        }
    }

    /// The indexes this store holds other than those of primary keys and UNIQUE constraints
    /// (SQLite keeps no definition for those; PostgreSQL names them after their constraint).
    func indexNames() async throws -> Set<String> {
        let listing =
            engineName == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            : """
            SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()
              AND indexname NOT IN (SELECT conname FROM pg_constraint)
            """
        return try await run { database in
            Set(
                try await database.raw(SQLQueryString(listing)).all().map {
                    try $0.decode(column: "name", as: String.self)
                })
        }
    }

    func check() async throws -> StoreCheck {
        var problems: [String] = []
        let version = try await schemaVersion()
        if version < Migrations.latestVersion {
            problems.append(
                "the schema is at version \(version) and \(Migrations.latestVersion) is current: run `adem db migrate`")
        }
        let present = try await indexNames()
        if version == Migrations.latestVersion {
            for name in try await Self.migratedIndexNames().subtracting(present).sorted() {
                problems.append("index \(name) is missing")
            }
        }
        if version >= Self.balancesInDossierRowVersion {
            for id in try await dossiersWithBalancesOff(limit: 5) {
                problems.append("the balances kept in dossier \(id) differ from the sums of its ledger postings")
            }
        }
        var integrityChecked = false
        if engineName == "sqlite" {
            let findings = try await run { database in
                try await database.raw("PRAGMA integrity_check").all().map {
                    try $0.decode(column: "integrity_check", as: String.self)
                }
            }
            integrityChecked = findings == ["ok"]
            // SQLite may put several findings in one row, a line each, headed by the database's name.
            if !integrityChecked {
                problems += findings.flatMap { $0.split(separator: "\n") }.filter { !$0.hasPrefix("***") }
                    .map { "integrity: \($0)" }
            }
        }
        return StoreCheck(
            schemaVersion: version, indexes: present.count, integrityChecked: integrityChecked, problems: problems)
    }

    /// Dossiers (at most `limit`, in id order) whose running balances (`balanceColumns`) are not
    /// the sums of their postings, account by account: an invariant the ledger writes keep.
    func dossiersWithBalancesOff(limit: Int) async throws -> [String] {
        let columns = Self.balanceColumns
        let sums = columns.map { column in
            """
            CAST(SUM(CASE WHEN account = '\(column.account.rawValue)' THEN amount_cents ELSE 0 END) AS BIGINT) \
            AS \(column.column)
            """
        }
        let differs = columns.map { "d.\($0.column) <> COALESCE(s.\($0.column), 0)" }
        let query = """
            SELECT d.id FROM dossiers d LEFT JOIN (SELECT dossier_id, \(sums.joined(separator: ", ")) \
            FROM ledger_postings GROUP BY dossier_id) s ON s.dossier_id = d.id \
            WHERE \(differs.joined(separator: " OR ")) ORDER BY d.id LIMIT \(limit)
            """
        return try await run { database in
            try await database.raw(SQLQueryString(query)).all().map { try $0.decode(column: "id", as: String.self) }
        }
    }

    /// The tables whose planner statistics `refreshPlannerStatistics` keeps current.
    static let analyzedTables = [
        "clients", "debtors", "dossiers", "claims", "ledger_postings", "journal", "outbox", "debtor_responses",
    ]

    func refreshPlannerStatistics() async throws -> [String] {
        guard engineName == "postgresql" else { return [] }
        return try await run { database in
            // From the catalogue alone, the same on every connection at once: `relpages` and
            // `reltuples` are what the last ANALYZE (or VACUUM) saw, -1 tuples when there was none;
            // the relation's size is what it holds now.
            let tables = Self.analyzedTables.map { "'\($0)'" }.joined(separator: ", ")
            let stale = """
                SELECT c.relname AS name FROM pg_class c
                WHERE c.relkind = 'r' AND c.relnamespace = to_regnamespace(current_schema())
                  AND c.relname IN (\(tables))
                  AND ((c.reltuples < 0 AND pg_relation_size(c.oid) > 0)
                    OR pg_relation_size(c.oid) / current_setting('block_size')::bigint > c.relpages * 1.2 + 8)
                ORDER BY c.relname
                """
            let names = try await database.raw(SQLQueryString(stale)).all().map {
                try $0.decode(column: "name", as: String.self)
            }
            for name in names { try await database.raw("ANALYZE \(ident: name)").run() }
            return names
        }
    }
}
