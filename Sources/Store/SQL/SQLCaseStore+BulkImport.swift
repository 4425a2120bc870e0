import SQLKit

extension SQLCaseStore {
    /// The tables an import adds rows to.
    static let importedTables = ["debtors", "dossiers", "claims", "ledger_postings", "journal"]
    /// Secondary indexes of those tables kept up whatever the size of the import: the one its own
    /// reads use (`dossiers(ofDebtors:)`), and the partial index of costs postings, to which an
    /// import adds nothing (it books claims) and whose rebuild would read the whole ledger again.
    static let indexesKeptThroughImport: Set<String> = ["dossiers_by_debtor", "ledger_costs_by_dossier"]

    func bulkLoading<Result: Sendable>(claims: Int, _ body: () async throws -> Result) async throws -> Result {
        guard claims > 0, engineName == "sqlite", boundDatabase == nil,
            try await run({ database in try await Self.claimsHeld(database) }) < Int64(claims)
        else { return try await body() }
        return try await mapErrors { try await executor.withBulkJournal(body) }
    }

    /// The claims a SQLite store holds: row ids count up from 1 and claims are never deleted, so the
    /// largest is the number held.
    private static func claimsHeld(_ database: any SQLDatabase) async throws -> Int64 {
        try await database.raw("SELECT COALESCE(MAX(rowid), 0) AS n FROM claims").first()?
            .decode(column: "n", as: Int64.self) ?? 0
    }

    func suspendIndexes(forClaims claims: Int) async throws -> SuspendedIndexes {
        guard engineName == "sqlite" else { return .none }
        return try await run { database in
            guard Int64(claims) > (try await Self.claimsHeld(database)) else { return .none }
            // `sql` is NULL for the indexes of primary keys and UNIQUE constraints; those stay, and
            // so does every index declared UNIQUE.
            let tables = Self.importedTables.map { "'\($0)'" }.joined(separator: ", ")
            let listing = """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(tables))
                  AND sql NOT LIKE 'CREATE UNIQUE%'
                ORDER BY name
                """
            let rows = try await database.raw(SQLQueryString(listing)).all()
            var names: [String] = []
            var definitions: [String] = []
            for row in rows {
                let name = try row.decode(column: "name", as: String.self)
                guard !Self.indexesKeptThroughImport.contains(name) else { continue }
                names.append(name)
                definitions.append(try row.decode(column: "sql", as: String.self))
            }
            for name in names {
                let drop = "DROP INDEX \"\(name)\""
                try await database.raw(SQLQueryString(drop)).run()
            }
            // A bulk load writes each page once and reads few back: a large writer cache
            // (`ADEM_SQLITE_CACHE_MB`) would only hold what it wrote (measured: 1.6 GB against 0.3 GB
            // peak for a million rows, no faster). `restoreIndexes` gives the connection its cache back.
            if !names.isEmpty {
                let cache = "PRAGMA cache_size=-\(SQLiteExecutor.bulkLoadCacheMiB * 1024)"
                try await database.raw(SQLQueryString(cache)).run()
            }
            return SuspendedIndexes(names: names, definitions: definitions)
        }
    }

    func restoreIndexes(_ suspended: SuspendedIndexes) async throws {
        guard !suspended.definitions.isEmpty else { return }
        try await run { database in
            // The builds sort in temporary files rather than in memory, so the import's memory stays
            // bounded by the page cache whatever its size. The connection's own settings come back
            // after, also when a build fails: its temporary store and the writer's page cache.
            let setting =
                try await database.raw("PRAGMA temp_store").first()?.decode(column: "temp_store", as: Int64.self) ?? 0
            let restore = [
                "PRAGMA temp_store=\(setting)", "PRAGMA cache_size=-\(SQLiteExecutor.writerCacheMiB * 1024)",
            ]
            try await database.raw("PRAGMA temp_store=FILE").run()
            do {
                for definition in suspended.definitions { try await database.raw(SQLQueryString(definition)).run() }
            } catch {
                for pragma in restore { try? await database.raw(SQLQueryString(pragma)).run() }
                throw error
            }
            for pragma in restore { try await database.raw(SQLQueryString(pragma)).run() }
        }
    }
}
