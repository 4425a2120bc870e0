import Domain
import Money
import SQLKit
import Testing

@testable import Store

/// The outbox is keyed and indexed by planned day first (migration 12): a person's planned contacts
/// are read one lookup per day from the first day asked for through the last day planned, or as
/// one range of days when messages are planned further ahead than `contactDaysLookedUpMax`.
@Suite struct OutboxContractTests {
    static let day = Day(iso: "2026-03-02")!
    static let persons = ["jan|1234AB|NL", "piet|1234AB|NL", "kees|9999ZZ|NL"]

    static func message(
        dossier: Int, person: String, in days: Int, template: String = "reminder", channel: Channel = .letter
    ) -> OutboxRow {
        let planned = day.adding(days: days)
        let dossierID = Dossier.ID("ACME/D\(dossier)#1")
        return OutboxRow(
            id: "\(dossierID.rawValue)/\(planned)/\(template)", dossierID: dossierID, channel: channel,
            plannedDay: planned, personKey: person, message: "{\"n\":\(dossier)}")
    }

    /// Contacts in one order, to compare what was read with what was planned.
    static func sorted(_ contacts: [PlannedContact]) -> [PlannedContact] {
        contacts.sorted {
            ($0.plannedDay, $0.dossierID, $0.channel.rawValue) < ($1.plannedDay, $1.dossierID, $1.channel.rawValue)
        }
    }

    /// Messages for three persons on days -20 through +9, and one far ahead.
    static func messages(farAhead: Int?) -> [OutboxRow] {
        var rows: [OutboxRow] = []
        for offset in stride(from: -20, through: 9, by: 3) {
            for (index, person) in persons.enumerated() {
                let channel: Channel = [.letter, .email, .phone, .sms][(index + offset + 20) % 4]
                rows.append(message(dossier: index * 100 + offset + 50, person: person, in: offset, channel: channel))
            }
        }
        if let farAhead { rows.append(message(dossier: 999, person: persons[0], in: farAhead)) }
        return rows
    }

    /// Every way the days can fall: within a week, a message 40 days ahead (still looked up day by
    /// day) and one 200 days ahead (a range). Each time the contacts read are exactly the messages
    /// of those persons planned on or after the first day.
    @Test(arguments: Engine.covered, [nil, 40, 200] as [Int?])
    func aPersonsContactsAreThoseOnOrAfterTheFirstDay(engine: Engine, farAhead: Int?) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let store = store as! any DailyRunStore
            let rows = Self.messages(farAhead: farAhead)
            try await store.insertOutbox(rows)
            for from in [-30, -7, 0, 5, 10] {
                let first = Self.day.adding(days: from)
                for asked in [[Self.persons[0]], Array(Self.persons.prefix(2)), ["nobody|0000AA|NL"]] {
                    let read = try await store.plannedContacts(personKeys: asked, from: first)
                    var expected: [String: [PlannedContact]] = [:]
                    for row in rows where asked.contains(row.personKey) && row.plannedDay >= first {
                        expected[row.personKey, default: []].append(row.plannedContact)
                    }
                    #expect(read.mapValues(Self.sorted) == expected.mapValues(Self.sorted))
                }
            }
            #expect(try await store.plannedContacts(personKeys: Self.persons, from: Self.day.adding(days: 300)).isEmpty)
        }
    }

    /// Planning the same messages again adds nothing; a day's messages page in id order.
    @Test(arguments: Engine.covered)
    func theSameMessagesTwiceAreStoredOnceAndPageByDay(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let store = store as! any DailyRunStore
            #expect(try await store.plannedContacts(personKeys: Self.persons, from: Self.day).isEmpty)
            let rows = Self.messages(farAhead: nil)
            try await store.insertOutbox(rows)
            try await store.insertOutbox(rows.reversed())
            let onDay = rows.filter { $0.plannedDay == Self.day.adding(days: 1) }.sorted { $0.id < $1.id }
            #expect(onDay.count == 3)
            let firstPage = try await store.outbox(plannedOn: Self.day.adding(days: 1), after: nil, limit: 2)
            #expect(firstPage == Array(onDay.prefix(2)))
            let secondPage = try await store.outbox(plannedOn: Self.day.adding(days: 1), after: firstPage.last!.id, limit: 2)
            #expect(secondPage == [onDay[2]])
            let all = try await store.plannedContacts(personKeys: Self.persons, from: Self.day.adding(days: -20))
            #expect(all.values.map(\.count).reduce(0, +) == rows.count)
        }
    }

    /// A store of schema version 11 keeps its planned messages through migration 12, which changes
    /// the outbox's key: they read back by person and by day, and planning them again adds nothing.
    @Test(arguments: Engine.covered)
    func messagesPlannedBeforeTheNewKeySurviveItsMigration(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine, schemaVersion: 11) { (store: any CaseStore) async throws in
            let sql = store as! SQLCaseStore
            let rows = Self.messages(farAhead: 40)
            try await sql.insertRows(
                "outbox", columns: ["id", "dossier_id", "channel", "planned_day", "person_key", "message"],
                rows: rows.map { row in
                    [
                        .text(row.id), .text(row.dossierID.rawValue), .text(row.channel.rawValue),
                        .integer(Int64(row.plannedDay.daysSinceEpoch)), .text(row.personKey), .text(row.message),
                    ]
                })
            let applied = try await sql.migrate()
            #expect(applied.first == 12)
            let all = try await sql.plannedContacts(personKeys: Self.persons, from: Self.day.adding(days: -20))
            #expect(Set(all.values.flatMap { $0 }) == Set(rows.map(\.plannedContact)))
            try await sql.insertOutbox(rows)
            let again = try await sql.plannedContacts(personKeys: Self.persons, from: Self.day.adding(days: -20))
            #expect(again.values.map(\.count).reduce(0, +) == rows.count)
            #expect(try await sql.check().problems.isEmpty)
        }
    }

    /// A row names the client of its dossier (the dispatch journals by client without reading the
    /// dossier); a store of schema version 15 gets the client of the messages planned before from
    /// their dossiers in migration 16, and a row of an unknown dossier keeps none.
    @Test(arguments: Engine.covered)
    func messagesNameTheirClientAndTheMigrationFillsInTheOlderOnes(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine, schemaVersion: 15) { (store: any CaseStore) async throws in
            let sql = store as! SQLCaseStore
            let dossiers = try await Sample.seed(store, count: 3)
            let planned = dossiers.map { dossier in
                OutboxRow(
                    id: "\(dossier.id.rawValue)/\(Self.day)/reminder", dossierID: dossier.id, channel: .email,
                    plannedDay: Self.day, personKey: Self.persons[0], message: "{}")
            }
            let orphan = Self.message(dossier: 7, person: Self.persons[1], in: 0)
            try await sql.insertRows(
                "outbox", columns: ["id", "dossier_id", "channel", "planned_day", "person_key", "message"],
                rows: (planned + [orphan]).map { row in
                    [
                        .text(row.id), .text(row.dossierID.rawValue), .text(row.channel.rawValue),
                        .integer(Int64(row.plannedDay.daysSinceEpoch)), .text(row.personKey), .text(row.message),
                    ]
                })
            #expect(try await sql.migrate().first == 16)
            let read = try await sql.outbox(plannedOn: Self.day, after: nil, limit: 10)
            #expect(read.count == 4)
            for row in read {
                #expect(row.clientID == (row.dossierID == orphan.dossierID ? nil : Sample.client.id), "\(row.id)")
            }

            let later = OutboxRow(
                id: "\(dossiers[0].id.rawValue)/\(Self.day.adding(days: 1))/letter", dossierID: dossiers[0].id,
                channel: .letter, plannedDay: Self.day.adding(days: 1), personKey: Self.persons[0], message: "{}",
                clientID: Client.ID("OTHER"))
            try await sql.insertOutbox([later])
            #expect(try await sql.outbox(plannedOn: Self.day.adding(days: 1), after: nil, limit: 10) == [later])
            #expect(try await sql.check().problems.isEmpty)
        }
    }
    /// Migration 18 makes the person index of the outbox hold the channel and the dossier: a store of
    /// version 17 keeps its messages, and the planned contacts are read from that index alone (on
    /// SQLite the plan says so; on PostgreSQL the index holds the columns).
    @Test(arguments: Engine.covered)
    func plannedContactsAreReadFromThePersonIndexAlone(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine, schemaVersion: 17) { (store: any CaseStore) async throws in
            let sql = store as! SQLCaseStore
            let rows = Self.messages(farAhead: nil)
            try await sql.insertOutbox(rows)
            #expect(try await sql.migrate().first == 18)
            let read = try await sql.plannedContacts(personKeys: Self.persons, from: Self.day.adding(days: -20))
            let planned = Dictionary(grouping: rows, by: \.personKey)
                .mapValues { Self.sorted($0.map(\.plannedContact)) }
            #expect(read.mapValues(Self.sorted) == planned)
            let definition = try await BulkImportContractTests.indexes(store)["outbox_by_day_person"] ?? ""
            #expect(definition.contains("planned_day, person_key, channel, dossier_id"), "\(definition)")
            if engine == .sqlite {
                let plan = try await sql.run { database in
                    try await database.raw(
                        """
                        EXPLAIN QUERY PLAN SELECT planned_day, person_key, channel, dossier_id FROM outbox
                        WHERE planned_day IN (1, 2) AND person_key IN ('a', 'b')
                        """
                    ).all().map { try $0.decode(column: "detail", as: String.self) }
                }
                #expect(plan.contains { $0.contains("COVERING INDEX outbox_by_day_person") }, "\(plan)")
            }
            #expect(try await sql.check().problems.isEmpty)
        }
    }
}
