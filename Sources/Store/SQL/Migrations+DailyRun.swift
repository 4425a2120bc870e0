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

    /// The outbox keyed and indexed by planned day first. A message's id holds its planned day
    /// (`dossier/day/template`), so (planned day, id) is as unique as the id. The daily run plans a
    /// day's messages in dossier order, so each chunk adds its keys and its person entries at one
    /// place of each index instead of at one random place per message: the outbox's id key and its
    /// index by person were 24% of the pages a simulated year wrote to the log. The contacts of a
    /// person are read one lookup per day of the rolling week (`plannedContacts`). SQLite cannot
    /// change a table's key, so it copies the table; PostgreSQL swaps the constraint.
    static let outboxByDay = Migration(version: 12, name: "outbox keyed by planned day") { engine in
        let byDayAndPerson = "CREATE INDEX outbox_by_day_person ON outbox (planned_day, person_key)"
        guard engine == "sqlite" else {
            return [
                "ALTER TABLE outbox DROP CONSTRAINT outbox_pkey",
                "ALTER TABLE outbox ADD PRIMARY KEY (planned_day, id)",
                "DROP INDEX outbox_by_day",
                "DROP INDEX outbox_by_person",
                byDayAndPerson,
            ]
        }
        return Migrations.rekeyedOnSQLite(
            "outbox", version: 12, columns: "id, dossier_id, channel, planned_day, person_key, message",
            orderedBy: "planned_day, id",
            definition: """
                CREATE TABLE outbox (id TEXT NOT NULL, dossier_id TEXT NOT NULL, channel TEXT NOT NULL,
                  planned_day BIGINT NOT NULL, person_key TEXT NOT NULL, message TEXT NOT NULL,
                  PRIMARY KEY (planned_day, id))
                """) + [byDayAndPerson]
    }

    /// The engine's progress kept in the dossier's own row instead of a table of its own. Every step
    /// writes both the dossier and its progress, which were two rows in three B-trees (the dossier,
    /// the progress row, and the progress row's key) and two reads ahead; now they are one row,
    /// updated by one statement. The progress table was the largest share of the pages a simulated
    /// year wrote to the log (decision 0008).
    static let progressInDossierRow = Migration(version: 13, name: "progress in the dossier row") { _ in
        [
            "ALTER TABLE dossiers ADD COLUMN progress TEXT",
            """
            UPDATE dossiers SET progress = (SELECT p.progress FROM collection_progress p WHERE p.dossier_id = dossiers.id) \
            WHERE id IN (SELECT dossier_id FROM collection_progress)
            """,
            "DROP TABLE collection_progress",
        ]
    }

    /// The due dossiers of each chunk, listed in its row while it is pending (JSON, emptied once it
    /// is done). A chunk was an id range, read back by walking every dossier in the range and
    /// keeping the due ones; on most days a few percent of the book are due, so each chunk walked
    /// tens of rows for each due one, and a day's chunks together walked nearly the whole book.
    static let chunkDossierIDs = Migration(version: 14, name: "each pending chunk lists its dossiers") { _ in
        ["ALTER TABLE run_chunks ADD COLUMN dossier_ids TEXT"]
    }

    /// The person index of the outbox holds the channel and the dossier too, so a chunk reads its
    /// persons' planned contacts (the weekly cap) from the index alone, without a random lookup of
    /// each message's row (docs/performance.md, seventeenth sitting).
    static let coveringContactReads = Migration(version: 18, name: "planned contacts read from the person index") { _ in
        [
            "DROP INDEX outbox_by_day_person",
            "CREATE INDEX outbox_by_day_person ON outbox (planned_day, person_key, channel, dossier_id)",
        ]
    }

    /// A closed dossier has no next action day (`Dossier` keeps it nil), and the index of next
    /// action days holds the open dossiers alone. The plan of a day read the due range of
    /// `dossiers_due` and then each due dossier's row, to leave out the closed ones: one random
    /// lookup per dossier, every day. It now reads the index alone; the closed dossiers (most of a
    /// book by the end of a year) leave the index as they close.
    static let dueIndexOfOpenDossiers = Migration(version: 19, name: "the due index holds open dossiers alone") { _ in
        [
            "UPDATE dossiers SET next_action_day = NULL WHERE state = 'closed' AND next_action_day IS NOT NULL",
            "DROP INDEX dossiers_due",
            "CREATE INDEX dossiers_due ON dossiers (next_action_day, id) WHERE next_action_day IS NOT NULL",
        ]
    }

    /// Each outbox row names the client of its dossier. The dispatch journals every message with
    /// its client; it read the client from the dossier row, one random lookup per message (11% of
    /// the dispatch of a simulated year, docs/performance.md). The rows planned before are filled in.
    static let outboxClient = Migration(version: 16, name: "outbox rows name their client") { engine in
        let key = engine == "postgresql" ? "TEXT COLLATE \"C\"" : "TEXT"
        return [
            "ALTER TABLE outbox ADD COLUMN client_id \(key)",
            "UPDATE outbox SET client_id = (SELECT d.client_id FROM dossiers d WHERE d.id = outbox.dossier_id)",
        ]
    }
}
