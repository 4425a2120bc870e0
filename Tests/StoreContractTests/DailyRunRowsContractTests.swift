import Domain
import Foundation
import Money
import SQLKit
@testable import Store
import Testing

/// What the daily run keeps beside the dossiers: the engine's progress of a dossier, in the
/// dossier's own row and written with its state, and the dossiers each pending chunk lists.
@Suite struct DailyRunRowsContractTests {
    /// Stores `dossiers` again, each with the next action day `nextDay` gives its index.
    static func rescheduled(_ dossiers: [Dossier], in store: any CaseStore, _ nextDay: (Int) -> Day?) async throws
        -> [Dossier]
    {
        try await store.updateDossiers(
            dossiers.enumerated().map { index, dossier in
                var changed = dossier
                changed.nextActionDay = nextDay(index)
                return changed
            })
    }

    @Test(arguments: Engine.covered)
    func progressIsWrittenWithTheStateAndReadBack(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let run = store as! any DailyRunStore
            let dossiers = try await Sample.seed(store, count: 3)
            let ids = dossiers.map(\.id)
            #expect(try await run.progress(of: ids).isEmpty)

            var first = dossiers[0]
            first.state = .preCollection
            var second = dossiers[1]
            second.nextActionDay = Day(iso: "2026-04-01")
            let stored = try await store.transaction { store in
                try await (store as! any DailyRunStore).updateDossiers(
                    [first, second], read: dossiers, progress: [#"{"a":1}"#, #"{"b":"é"}"#])
            }
            #expect(stored.map(\.version) == [2, 2])
            #expect(try await run.progress(of: ids) == [ids[0]: #"{"a":1}"#, ids[1]: #"{"b":"é"}"#])
            #expect(try await store.dossier(ids[0]) == stored[0])
            #expect(try await store.dossier(ids[1]) == stored[1])

            // Progress replaces what was there; an update without progress keeps it.
            var again = stored[0]
            again.nextActionDay = Day(iso: "2026-05-01")
            let third = try await run.updateDossiers([again], read: [stored[0]], progress: [#"{"a":2}"#])
            #expect(try await run.progress(of: [ids[0]]) == [ids[0]: #"{"a":2}"#])
            var flagged = third[0]
            flagged.flags.insert(.vulnerable)
            _ = try await store.updateDossiers([flagged])
            #expect(try await run.progress(of: [ids[0]]) == [ids[0]: #"{"a":2}"#])
            #expect(try await store.dossier(ids[0])?.flags.contains(.vulnerable) == true)
        }
    }

    @Test(arguments: Engine.covered)
    func aStaleStepWritesNeitherStateNorProgress(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let run = store as! any DailyRunStore
            let dossiers = try await Sample.seed(store, count: 2)
            var moved = dossiers[1]
            moved.flags.insert(.disputed)
            _ = try await store.updateDossiers([moved])

            var first = dossiers[0]
            first.state = .collecting
            var stale = dossiers[1]
            stale.state = .legal
            await #expect(throws: StoreError.conflict(dossier: stale.id, expectedVersion: 1)) {
                try await store.transaction { store in
                    _ = try await (store as! any DailyRunStore).updateDossiers(
                        [first, stale], read: dossiers, progress: ["{\"x\":1}", "{\"y\":1}"])
                }
            }
            #expect(try await run.progress(of: dossiers.map(\.id)).isEmpty)
            #expect(try await store.dossier(first.id) == dossiers[0])
            #expect(try await store.dossier(stale.id)?.state == moved.state)
        }
    }

    /// A store of schema version 12 keeps the progress of its dossiers through migration 13, which
    /// moves it from a table of its own into the dossier's row.
    @Test(arguments: Engine.covered)
    func progressSavedBeforeItMovedIntoTheDossierRowSurvivesTheMigration(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine, schemaVersion: 12) { (store: any CaseStore) async throws in
            let sql = store as! SQLCaseStore
            let dossiers = try await Sample.seed(store, count: 4)
            let saved = [(dossiers[0].id, #"{"p":0}"#), (dossiers[2].id, #"{"p":"twee"}"#)]
            try await sql.insertRows(
                "collection_progress", columns: ["dossier_id", "progress"],
                rows: saved.map { [.text($0.0.rawValue), .text($0.1)] })
            let applied = try await sql.migrate()
            #expect(applied.first == 13)
            #expect(try await sql.progress(of: dossiers.map(\.id)) == Dictionary(uniqueKeysWithValues: saved))
            for dossier in dossiers { #expect(try await sql.dossier(dossier.id) == dossier) }
            #expect(try await sql.check().problems.isEmpty)
        }
    }

    /// Migration 15 names the interest booked before day first, as the planner now names it
    /// (`interest:DAY:DOSSIER`), in the transaction's own id and in a correction that reverses it;
    /// other transactions (the seeded claim's, costs, the correction) keep their names, and the
    /// report counters lose their index by client.
    @Test(arguments: Engine.covered)
    func interestBookedBeforeIsNamedDayFirstByTheMigration(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine, schemaVersion: 14) { (store: any CaseStore) async throws in
            let sql = store as! SQLCaseStore
            let dossier = try await Sample.seed(store, count: 1)[0].id
            let day = Sample.day
            func transaction(_ id: String, account: LedgerAccount, cents: Int64) -> LedgerTransaction {
                LedgerTransaction(
                    id: LedgerTransaction.ID(id), dossierID: dossier, day: day, memo: id,
                    postings: [Posting(.debtorReceivable, Money(cents: cents)), Posting(account, Money(cents: -cents))])
            }
            let interest = transaction("interest:\(dossier.rawValue):\(day)", account: .interest, cents: 41)
            let costs = transaction("costs:\(dossier.rawValue)", account: .costs, cents: 4_000)
            let correction = interest.reversal(
                id: LedgerTransaction.ID("correction:\(dossier.rawValue):1"), on: day.adding(days: 1), memo: "undo")
            try await store.appendLedger([interest, costs, correction])
            let named = Set(try await store.ledger(ofDossier: dossier).map(\.id))
            #expect(named.isSuperset(of: [interest.id, costs.id, correction.id]))
            #expect(try await sql.indexNames().contains("report_counters_by_client"))

            let applied = try await sql.migrate()
            #expect(applied.first == 15)
            let renamed = LedgerTransaction.ID("interest:\(day):\(dossier.rawValue)")
            let ledger = try await store.ledger(ofDossier: dossier)
            #expect(Set(ledger.map(\.id)) == named.subtracting([interest.id]).union([renamed]))
            #expect(ledger.first { $0.id == correction.id }?.reverses == renamed)
            #expect(ledger.first { $0.id == renamed }?.postings == interest.postings)
            #expect(try await !sql.indexNames().contains("report_counters_by_client"))
            #expect(try await sql.check().problems.isEmpty)
        }
    }

    /// A chunk lists the dossiers due when it was planned and is read back as those still due and
    /// open: one paid meanwhile drops out, one of its range that became due later is left for the
    /// day's next round. The list is gone once the chunk is done.
    @Test(arguments: Engine.covered)
    func aChunkReadsTheDossiersItListedThatAreStillDue(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let run = store as! any DailyRunStore
            let day = Sample.day
            var dossiers = try await Sample.seed(store, count: 12).sorted { $0.id < $1.id }
            // Every third dossier is not due yet, so the chunks' ranges hold dossiers they do not list.
            dossiers = try await Self.rescheduled(dossiers, in: store) { $0 % 3 == 1 ? day.adding(days: 3) : day }
            let due = dossiers.enumerated().filter { $0.offset % 3 != 1 }.map(\.element.id)
            #expect(try await run.planRun(day: day, chunkDossiersMax: 5, plannedAt: "t") == 2)

            let first = try #require(try await store.transaction { try await ($0 as! any DailyRunStore).claimChunk(day: day) })
            #expect(first.dossierIDs == Array(due.prefix(5)))
            #expect(try await run.dossiersDue(in: first).map(\.id) == Array(due.prefix(5)))

            // Dossier 0 is paid and closed, dossier 1 (in the range, not listed) becomes due today.
            var closed = dossiers[0]
            closed.state = .closed
            closed.nextActionDay = nil
            closed.closure = DossierClosure(day: day, reason: .paid)
            var woken = dossiers[1]
            woken.nextActionDay = day
            _ = try await store.updateDossiers([closed, woken])
            #expect(try await run.dossiersDue(in: first).map(\.id) == Array(due[1..<5]))

            try await run.finishChunk(first, finishedAt: "t")
            let second = try #require(try await run.pendingChunk(day: day, after: -1))
            #expect(second.number == 1 && second.dossierIDs == Array(due.suffix(3)))
            try await run.finishChunk(second, finishedAt: "t")
            // As the run would have: the dossiers stepped are due again in a week.
            let stepped = try await Self.rescheduled(
                try await run.dossiersDue(in: second) + run.dossiersDue(in: first).filter { $0.id != woken.id },
                in: store
            ) { _ in day.adding(days: 7) }
            #expect(stepped.count == 7)
            let listsLeft = try await (store as! SQLCaseStore).run { database in
                try await database.raw("SELECT COUNT(*) AS n FROM run_chunks WHERE dossier_ids IS NOT NULL").first()!
                    .decode(column: "n", as: Int64.self)
            }
            #expect(listsLeft == 0)
            // The day's next round takes what became due since: the woken dossier.
            #expect(try await run.planRun(day: day, chunkDossiersMax: 5, plannedAt: "t") == 3)
            let third = try #require(try await run.pendingChunk(day: day, after: 1))
            #expect(third.dossierIDs == [woken.id])
            #expect(try await run.dossiersDue(in: third).map(\.id) == [woken.id])
        }
    }

    /// A closed dossier has no next action day, and the index of next action days holds the open
    /// dossiers alone, so the plan of a day reads that index without the dossiers' rows. A store of
    /// version 18 with a closed dossier that still had a day (written before) is cleaned up.
    @Test(arguments: Engine.covered)
    func thePlanOfADayReadsTheIndexOfOpenDossiersAlone(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine, schemaVersion: 18) { (store: any CaseStore) async throws in
            let sql = store as! SQLCaseStore
            let day = Sample.day
            let seeded = try await Sample.seed(store, count: 3).sorted { $0.id < $1.id }
            _ = try await Self.rescheduled(seeded, in: store) { _ in day }
            try await sql.run { database in
                try await database.raw(
                    """
                    UPDATE dossiers SET state = 'closed', closed_day = \(bind: Int64(day.daysSinceEpoch)), \
                    close_reason = 'paid' WHERE id = \(bind: seeded[1].id.rawValue)
                    """
                ).run()
            }
            #expect(try await sql.migrate().first == 19)
            #expect(try await store.dossier(seeded[1].id)?.nextActionDay == nil)
            #expect(try await sql.planRun(day: day, chunkDossiersMax: 1, plannedAt: "t") == 2)
            let listed = try await sql.pendingChunk(day: day, after: -1)?.dossierIDs
            #expect(listed == [seeded[0].id])

            // Closing a dossier through the store takes it out of the index.
            var closing = try #require(try await store.dossier(seeded[2].id))
            closing.close(on: day, reason: .paid)
            _ = try await store.updateDossiers([closing])
            let indexed = try await sql.run { database in
                try await database.raw("SELECT COUNT(*) AS n FROM dossiers WHERE next_action_day IS NOT NULL").first()!
                    .decode(column: "n", as: Int64.self)
            }
            #expect(indexed == 1)
            let definition = try await BulkImportContractTests.indexes(store)["dossiers_due"] ?? ""
            #expect(definition.contains("next_action_day IS NOT NULL"), "\(definition)")
            if engine == .sqlite {
                let plan = try await sql.run { database in
                    try await database.raw(
                        "EXPLAIN QUERY PLAN SELECT id FROM dossiers WHERE next_action_day <= 1 ORDER BY id || ''"
                    ).all().map { try $0.decode(column: "detail", as: String.self) }
                }
                #expect(plan.contains { $0.contains("COVERING INDEX dossiers_due") }, "\(plan)")
            }
            #expect(try await sql.check().problems.isEmpty)
        }
    }

    /// The daily run reads a chunk's dossiers and their progress in one statement: the same dossiers
    /// as `dossiersDue(in:)` and the same progress as `progress(of:)`, for a chunk that lists its
    /// dossiers and for one read as an id range.
    @Test(arguments: Engine.covered)
    func aChunkIsReadWithItsProgress(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            let run = store as! any DailyRunStore
            let day = Sample.day
            let seeded = try await Sample.seed(store, count: 4).sorted { $0.id < $1.id }
            let due = try await Self.rescheduled(seeded, in: store) { _ in day }
            // Two of the four have progress; the last is not due, so neither read has it.
            var stepped = [due[0], due[2], due[3]]
            stepped[2].nextActionDay = day.adding(days: 2)
            _ = try await run.updateDossiers(
                stepped, read: [due[0], due[2], due[3]], progress: [#"{"a":1}"#, #"{"c":3}"#, #"{"d":4}"#])
            let expectedProgress = [due[0].id: #"{"a":1}"#, due[2].id: #"{"c":3}"#]

            #expect(try await run.planRun(day: day, chunkDossiersMax: 10, plannedAt: "t") == 1)
            let listed = try #require(try await run.pendingChunk(day: day, after: -1))
            let range = RunChunk(day: day, number: 0, firstID: due[0].id, lastID: due[3].id)
            for chunk in [listed, range] {
                let read = try await run.dossiersDueWithProgress(in: chunk)
                let alone = try await run.dossiersDue(in: chunk)
                #expect(read.dossiers == alone)
                #expect(read.dossiers.map(\.id) == [due[0].id, due[1].id, due[2].id])
                #expect(read.progress == expectedProgress)
                #expect(read.balances == (try await run.balances(of: alone.map(\.id))))
                #expect(read.balances.count == 3)
                #expect(try await run.progress(of: alone.map(\.id)) == expectedProgress)
            }
        }
    }
}
