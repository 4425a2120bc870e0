extension Migrations {
    /// The social report's counters (docs/social-report.md): additive counts per (day, counter,
    /// client), the freeze restarts, and the projection's watermark (the journal sequence through
    /// which the counters are complete).
    ///
    /// `report_agency_counters` holds the same counts summed over all clients, for agency reports.
    ///
    /// The primary key is ordered (day, counter, client): a period's `GROUP BY day, counter` then
    /// streams in key order without a sort, and on SQLite the table is `WITHOUT ROWID`, so the key
    /// is the table and a range of days is one sequential read. A client's report uses the
    /// (client, day) index instead. Migration 15 keys the table by (day, client, counter) and drops
    /// that index (`appendOrderedKeys`).
    static let reportCounters = Migration(version: 4, name: "social report counters and their projection watermark") {
        engine in
        let key = engine == "postgresql" ? "TEXT COLLATE \"C\"" : "TEXT"
        let clustered = engine == "postgresql" ? "" : " WITHOUT ROWID"
        return [
            """
            CREATE TABLE report_counters (day BIGINT NOT NULL, counter \(key) NOT NULL, client \(key) NOT NULL,
              value BIGINT NOT NULL, PRIMARY KEY (day, counter, client))\(clustered)
            """,
            "CREATE INDEX report_counters_by_client ON report_counters (client, day)",
            // The agency's sums per (day, counter), kept beside the per-client rows in the same
            // transaction: an agency report reads at most 366 x 24 rows instead of millions.
            """
            CREATE TABLE report_agency_counters (day BIGINT NOT NULL, counter \(key) NOT NULL, value BIGINT NOT NULL,
              PRIMARY KEY (day, counter))\(clustered)
            """,
            """
            CREATE TABLE report_freeze_restarts (day BIGINT NOT NULL, client \(key) NOT NULL, previous_end BIGINT NOT NULL,
              value BIGINT NOT NULL, PRIMARY KEY (day, client, previous_end))\(clustered)
            """,
            "CREATE TABLE report_projection (id BIGINT PRIMARY KEY, last_sequence BIGINT NOT NULL)",
            "INSERT INTO report_projection (id, last_sequence) VALUES (1, 0)",
        ]
    }
}
