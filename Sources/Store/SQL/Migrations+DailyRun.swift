extension Migrations {
    /// The daily run's tables: chunks of a day, the engine's progress per dossier, the outbox and
    /// the debtors' responses.
    static let dailyRun = Migration(version: 3, name: "daily run: chunks, progress, outbox, responses") { engine in
        let key = engine == "postgresql" ? "TEXT COLLATE \"C\"" : "TEXT"
        return [
            "CREATE TABLE run_days (day BIGINT PRIMARY KEY, chunks BIGINT NOT NULL, planned_at TEXT NOT NULL)",
            """
            CREATE TABLE run_chunks (day BIGINT NOT NULL, chunk BIGINT NOT NULL, first_id \(key) NOT NULL, last_id \(key) NOT NULL,
              status TEXT NOT NULL, finished_at TEXT, PRIMARY KEY (day, chunk))
            """,
            "CREATE TABLE collection_progress (dossier_id \(key) PRIMARY KEY, progress TEXT NOT NULL)",
            """
            CREATE TABLE outbox (id \(key) PRIMARY KEY, dossier_id \(key) NOT NULL, channel TEXT NOT NULL, planned_day BIGINT NOT NULL,
              person_key \(key) NOT NULL, message TEXT NOT NULL)
            """,
            "CREATE INDEX outbox_by_person ON outbox (person_key, planned_day)",
            "CREATE INDEX outbox_by_day ON outbox (planned_day, id)",
            """
            CREATE TABLE debtor_responses (dossier_id \(key) NOT NULL, sequence BIGINT NOT NULL, day BIGINT NOT NULL,
              response TEXT NOT NULL, PRIMARY KEY (dossier_id, sequence))
            """,
            "CREATE INDEX ledger_by_dossier_account ON ledger_postings (dossier_id, account, day)",
        ]
    }
}
