import Domain
import SQLKit
import Law

extension SQLCaseStore {
    func insertClient(_ client: Client) async throws {
        try await insertRows(
            "clients", columns: ["id", "name", "mandate", "brand", "strategy"],
            rows: [
                [
                    .text(client.id.rawValue), .text(client.name), .text(try Self.json(client.mandate)),
                    .text(try Self.json(client.brand)), .text(client.strategy.name),
                ]
            ])
    }

    func updateMandate(
        _ id: Client.ID, changedBy: String, changedAt: String, applying change: (inout Mandate) -> Void
    ) async throws -> (mandate: Mandate, change: MandateChange?) {
        try await transaction { transaction in
            let store = transaction as! SQLCaseStore
            // PostgreSQL: the client row stays locked until commit, so two changes get two numbers.
            guard let client = try await store.client(id, lockedForUpdate: true) else {
                throw StoreError.notFound("client \(id)")
            }
            var mandate = client.mandate
            change(&mandate)
            guard client.mandate != mandate else { return (mandate, nil) }
            try await store.replaceJSON(mandate, in: "clients", column: "mandate", id: id.rawValue, what: "client \(id)")
            let sequence = try await store.run { database in
                try await database.raw(
                    "SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM mandate_changes WHERE client_id = \(bind: id.rawValue)"
                ).first()?.decode(column: "next", as: Int64.self) ?? 1
            }
            let recorded = MandateChange(
                clientID: id, sequence: Int(sequence), changedAt: changedAt, changedBy: changedBy, before: client.mandate,
                after: mandate)
            try await store.insertRows(
                "mandate_changes",
                columns: ["client_id", "sequence", "changed_at", "changed_by", "mandate_before", "mandate_after"],
                rows: [
                    [
                        .text(id.rawValue), .integer(sequence), .text(changedAt), .text(changedBy),
                        .text(try Self.json(recorded.before)), .text(try Self.json(recorded.after)),
                    ]
                ])
            return (mandate, recorded)
        }
    }

    func mandateChanges(_ id: Client.ID) async throws -> [MandateChange] {
        try await run { database in
            try await database.raw(
                "SELECT * FROM mandate_changes WHERE client_id = \(bind: id.rawValue) ORDER BY sequence"
            ).all().map { row in
                MandateChange(
                    clientID: id, sequence: Int(try row.decode(column: "sequence", as: Int64.self)),
                    changedAt: try row.decode(column: "changed_at", as: String.self),
                    changedBy: try row.decode(column: "changed_by", as: String.self),
                    before: try Self.decodeJSON(Mandate.self, try row.decode(column: "mandate_before", as: String.self), what: "mandate"),
                    after: try Self.decodeJSON(Mandate.self, try row.decode(column: "mandate_after", as: String.self), what: "mandate"))
            }
        }
    }

    /// Replaces the JSON `column` of row `id` in `table` (names of ours, never user input) with
    /// `value`, and sets `derived` (a text column derived from the value) in the same statement when
    /// given; throws `StoreError.notFound` naming `what` when there is no such row.
    func replaceJSON(
        _ value: some Encodable, in table: String, column: String, id: String, what: String,
        derived: (column: String, text: String)? = nil
    ) async throws {
        let text = try Self.json(value)
        let updated = try await run { database in
            var statement = SQLQueryString("UPDATE \(unsafeRaw: table) SET \(unsafeRaw: column) = ") + "\(bind: text)"
            if let derived {
                statement = statement + SQLQueryString(", \(unsafeRaw: derived.column) = ") + "\(bind: derived.text)"
            }
            return try await database.raw(statement + " WHERE id = \(bind: id) RETURNING id").all().count
        }
        guard updated == 1 else { throw StoreError.notFound(what) }
    }

    func client(_ id: Client.ID) async throws -> Client? { try await client(id, lockedForUpdate: false) }

    /// The client with `id`; `lockedForUpdate` locks its row until the transaction ends on PostgreSQL
    /// (SQLite's `BEGIN IMMEDIATE` holds the whole database already).
    func client(_ id: Client.ID, lockedForUpdate: Bool) async throws -> Client? {
        let lock = lockedForUpdate && engineName == "postgresql" ? " FOR UPDATE" : ""
        return try await run { database in
            try await database.raw("SELECT * FROM clients WHERE id = \(bind: id.rawValue)" + SQLQueryString(lock)).first()
                .map(Self.client)
        }
    }

    func clients(after afterID: Client.ID?, limit: Int) async throws -> [Client] {
        try await run { database in
            try await database.raw(
                "SELECT * FROM clients WHERE id > \(bind: afterID?.rawValue ?? "") ORDER BY id LIMIT \(bind: Int64(limit))"
            )
            .all().map(Self.client)
        }
    }

    static func client(_ row: any SQLRow) throws -> Client {
        Client(
            id: Client.ID(try row.decode(column: "id", as: String.self)),
            name: try row.decode(column: "name", as: String.self),
            mandate: try decodeJSON(Mandate.self, row.decode(column: "mandate", as: String.self), what: "mandate"),
            brand: try decodeJSON(Brand.self, row.decode(column: "brand", as: String.self), what: "brand"),
            strategy: StrategyReference(name: try row.decode(column: "strategy", as: String.self)))
    }

    // MARK: Debtors

    func insertDebtors(_ debtors: [EncodedDebtor]) async throws {
        try await insertRows(
            "debtors", columns: ["id", "client_id", "reference", "kind", "profile", "person_key"],
            rows: debtors.map { encoded in
                let debtor = encoded.debtor
                return [
                    .text(debtor.id.rawValue), .text(debtor.clientID.rawValue), .text(debtor.reference),
                    .text(debtor.kind.rawValue), .text(encoded.profileJSON), .text(encoded.personKey),
                ]
            })
    }

    func debtors(_ ids: [Debtor.ID]) async throws -> [Debtor.ID: Debtor] {
        guard !ids.isEmpty else { return [:] }
        return try await run { database in
            var found: [Debtor.ID: Debtor] = [:]
            for chunk in Self.chunks(ids.map(\.rawValue)) {
                for row in try await database.raw("SELECT * FROM debtors WHERE id IN (\(binds: chunk))").all() {
                    let debtor = try Self.debtor(row)
                    found[debtor.id] = debtor
                }
            }
            return found
        }
    }

    func debtors(reference: String) async throws -> [Debtor] {
        try await run { database in
            try await database.raw("SELECT * FROM debtors WHERE reference = \(bind: reference) ORDER BY id").all().map(
                Self.debtor)
        }
    }

    func updateDebtorProfile(_ id: Debtor.ID, profile: DebtorProfile) async throws {
        // The person key follows the profile: a pseudonymised debtor no longer merges with the person it
        // was, and its messages in the outbox no longer carry the name and postcode in their key.
        let key = PersonKey.of(profile, debtor: id)
        try await transaction { transaction in
            let store = transaction as! SQLCaseStore
            let before = try await store.run { database in
                try await database.raw("SELECT person_key FROM debtors WHERE id = \(bind: id.rawValue)").first()?
                    .decode(column: "person_key", as: String?.self)
            }
            try await store.replaceJSON(
                profile, in: "debtors", column: "profile", id: id.rawValue, what: "debtor \(id)",
                derived: (column: "person_key", text: key))
            // A change of consent or contact data keeps the key. When it changes, the debtor's messages
            // carry the old one: they are found by (planned day, old key), one lookup per day planned,
            // instead of reading the whole outbox for each debtor (the retention run pseudonymises
            // thousands).
            guard before != key else { return }
            // A key never stored: every message of the debtor's dossiers, wherever it is.
            var statement = SQLQueryString(
                before == nil ? "" : Self.distinctValues(of: "planned_day", in: "outbox", as: "outbox_days") + " ")
            statement += "UPDATE outbox SET person_key = \(bind: key) WHERE "
            if let before {
                statement += "planned_day IN (SELECT d FROM outbox_days) AND person_key = \(bind: before) AND "
            }
            statement += "dossier_id IN (SELECT id FROM dossiers WHERE debtor_id = \(bind: id.rawValue))"
            try await store.run { database in try await database.raw(statement).run() }
        }
    }

    static func debtor(_ row: any SQLRow) throws -> Debtor {
        let kindText = try row.decode(column: "kind", as: String.self)
        guard let kind = DebtorKind(rawValue: kindText) else { throw StoreError.unreadable("debtor kind \(kindText)") }
        let debtor = Debtor(
            clientID: Client.ID(try row.decode(column: "client_id", as: String.self)),
            reference: try row.decode(column: "reference", as: String.self), kind: kind,
            profile: try decodeJSON(
                DebtorProfile.self, row.decode(column: "profile", as: String.self), what: "debtor profile"))
        let storedID = try row.decode(column: "id", as: String.self)
        guard debtor.id.rawValue == storedID else {
            throw StoreError.unreadable("debtor id \(storedID) does not match its client and reference")
        }
        return debtor
    }

    /// Keys in slices small enough for one statement's parameters, ready to bind in an `IN` list.
    ///
    /// Each slice is padded with its last key up to one of a few lengths (`inListLength`), so that a
    /// query over a varying number of keys is one of a few statement texts: SQLite prepares each
    /// once and keeps it, instead of preparing a new text for nearly every call.
    static func chunks(_ values: [String]) -> [[any Encodable & Sendable]] {
        stride(from: 0, to: values.count, by: rowsPerStatementMax).map { start in
            let slice = values[start..<min(start + rowsPerStatementMax, values.count)]
            let padding = repeatElement(slice[slice.endIndex - 1], count: inListLength(slice.count) - slice.count)
            return (slice + padding).map { $0 as any Encodable & Sendable }
        }
    }

    /// The length an `IN` list of `count` keys is padded to: the next of 1, 2, 3, 4, 6, 8, 12, 16, 24 ...
    /// (powers of two and one and a half times them), at most `rowsPerStatementMax`. A list grows by
    /// at most half.
    static func inListLength(_ count: Int) -> Int {
        guard count > 2 else { return count }
        let power = 1 << (Int.bitWidth - 1 - (count - 1).leadingZeroBitCount)  // largest power of two below count
        return min(rowsPerStatementMax, count <= power + power / 2 ? power + power / 2 : 2 * power)
    }
}
