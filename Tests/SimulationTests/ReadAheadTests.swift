import Domain
import Engine
import Foundation
import Money
@testable import Operations
import Simulation
import Store
import Testing

/// The daily run reads the next chunk's own data on a second connection while it writes a chunk
/// (SQLite files). Reading ahead must never change what the run does: the same days end in the same
/// digest as reading everything inside each chunk's transaction, and a commit from elsewhere between
/// two chunks makes the run read the next chunk again.
@Suite struct ReadAheadTests {
    static let chunk = 20

    /// A SQLite file with one generated client's January hand-over imported; returns the hand-over day.
    func withBook<Result: Sendable>(_ body: (String, any SimulationStore, Day) async throws -> Result) async throws -> Result {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("adem-ahead-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return try await CaseStores.withStore(.sqlite(path: path)) { store in
            _ = try await store.migrate()
            let day = try await importJanuaryHandOver(into: store, dossiersInYear: 2_400, seed: 11)
            return try await body(path, store as! any SimulationStore, day)
        }
    }

    func run(_ store: any SimulationStore, on day: Day, readsAhead: Bool, stepsAhead: Bool = true) -> DailyRun {
        DailyRun(
            store: store, context: simulationContext, day: day, chunkDossiersMax: Self.chunk, readsAhead: readsAhead,
            stepsAhead: stepsAhead, clock: { "t" })
    }

    /// Three weeks of daily runs, without reading ahead, reading ahead, and reading and stepping
    /// ahead, end in the same digest.
    @Test(arguments: [false, true]) func readingAheadChangesNothing(stepsAhead: Bool) async throws {
        var digests: [Bool: String] = [:]
        for readsAhead in [false, true] {
            digests[readsAhead] = try await withBook { _, store, first in
                var chunks = 0
                var readAhead = 0
                var steppedAhead = 0
                for offset in 0..<21 {
                    let summary = try await run(
                        store, on: first.adding(days: offset), readsAhead: readsAhead, stepsAhead: stepsAhead
                    ).run()
                    chunks += summary.chunks
                    readAhead += summary.chunksReadAhead
                    steppedAhead += summary.chunksSteppedAhead
                }
                if readsAhead {
                    // Every chunk of a day but its first can be read and stepped ahead.
                    #expect(readAhead > chunks / 2, "\(readAhead) of \(chunks) chunks read ahead")
                    #expect(steppedAhead == (stepsAhead ? readAhead : 0))
                } else {
                    #expect(readAhead == 0 && steppedAhead == 0)
                }
                return try await store.stateDigest()
            }
        }
        #expect(digests[false] == digests[true])
    }

    /// The read-ahead steps a chunk a batch of persons at a time and hands the persons it has not
    /// stepped to the writer once the writer asks. Made to hand over after no batch, after one and
    /// after two (of about five dossiers each, in chunks of twenty), three weeks end in the digest of
    /// a run that reads nothing ahead, and the dossiers handed over are counted.
    @Test(arguments: [0, 1, 2]) func handingStepsOverToTheWriterChangesNothing(batchesStepped: Int) async throws {
        let alone = try await withBook { _, store, first in
            for offset in 0..<21 { _ = try await run(store, on: first.adding(days: offset), readsAhead: false).run() }
            return try await store.stateDigest()
        }
        let shared = try await withBook { _, store, first in
            var total = RunSummary()
            for offset in 0..<21 {
                var daily = run(store, on: first.adding(days: offset), readsAhead: true)
                daily.stepAheadBatching = DailyRun.StepAheadBatching(dossiers: 5, batchesMax: batchesStepped)
                total.add(try await daily.run())
            }
            #expect(total.chunksSteppedAhead > total.chunks / 2, "\(total)")
            // Every chunk stepped ahead holds more dossiers than the batches it was allowed.
            let leftPerChunk = Self.chunk - 5 * batchesStepped - 5
            #expect(total.dossiersHandedOver > total.chunksSteppedAhead * leftPerChunk, "\(total)")
            return try await store.stateDigest()
        }
        #expect(alone == shared)
    }

    /// Whole persons go into a batch, in chunk order, and a batch closes once it holds enough.
    @Test func batchesHoldWholePersons() {
        let persons = ["a", "b", "a", "c", "d", "b", "e", "c"]
        #expect(DailyRun.batchesByPerson(persons, dossiers: 3) == [[0, 1, 2, 5], [3, 4, 7], [6]])
        #expect(DailyRun.batchesByPerson(persons, dossiers: 100) == [Array(0..<8)])
        #expect(DailyRun.batchesByPerson([], dossiers: 3).isEmpty)
    }

    /// Between two chunks the e-mail consent of the next chunk's debtors is withdrawn, through
    /// another connection or through the run's own store. That change bumps no dossier version, so
    /// only the change mark can tell the read-ahead is stale: the run reads the chunk again and plans
    /// what a run without reading ahead plans.
    @Test(arguments: [true, false]) func aChangeBetweenChunksIsReadAgain(throughAnotherConnection: Bool) async throws {
        var digests: [Bool: String] = [:]
        for readsAhead in [false, true] {
            digests[readsAhead] = try await withBook { path, store, day in
                let run = run(store, on: day, readsAhead: readsAhead)
                let chunks = try await store.planRun(day: day, chunkDossiersMax: Self.chunk, plannedAt: "t")
                #expect(chunks >= 3)
                let reader = readsAhead ? try await store.readAheadStore() : nil
                #expect((reader != nil) == readsAhead)
                var ahead: DailyRun.PendingReadAhead?
                #expect(try await run.runOneChunk(reader: reader, ahead: &ahead)?.chunks == 1)

                let next = try #require(try await store.pendingChunk(day: day, after: 0))
                var optedOut = 0
                func withdrawConsent(in other: any DailyRunStore) async throws {
                    let dossiers = try await other.dossiersDue(in: next)
                    for debtor in try await other.debtors(dossiers.map(\.debtorID)).values
                    where debtor.profile.email != nil {
                        var profile = debtor.profile
                        profile.consent.optOut(of: .email)
                        try await other.updateDebtorProfile(debtor.id, profile: profile)
                        optedOut += 1
                    }
                }
                if throughAnotherConnection {
                    try await CaseStores.withStore(.sqlite(path: path)) { try await withdrawConsent(in: $0 as! any DailyRunStore) }
                } else {
                    try await withdrawConsent(in: store)
                }
                #expect(optedOut > 0, "the next chunk has no debtor with e-mail: the test proves nothing")

                let second = try #require(try await run.runOneChunk(reader: reader, ahead: &ahead))
                #expect(second.chunksReadAhead == 0)
                var later = 0
                while let summary = try await run.runOneChunk(reader: reader, ahead: &ahead) {
                    later += summary.chunksReadAhead
                }
                #expect(readsAhead ? later > 0 : later == 0)
                let emails = try await store.countJournal(JournalFilter(type: .contactPlanned))
                #expect(emails > 0)
                return try await store.stateDigest()
            }
        }
        #expect(digests[false] == digests[true])
    }

    /// The same three persons at eight clients, so consecutive chunks of two dossiers share a person
    /// (their ids sort by client, then person) and chunks of one never do. A step made on a read
    /// taken before the chunk ahead of it was written would miss that chunk's contacts and closings
    /// for a shared person, so the dossiers of such a person are read and stepped again inside their
    /// chunk's transaction. Two weeks of runs end as without reading ahead, for both chunk sizes,
    /// and the weekly cap holds.
    @Test(arguments: [1, 2]) func aChunkSharingAPersonWithTheChunkBeforeIsSteppedAgain(chunk: Int) async throws {
        let day = Day(iso: "2026-03-02")!
        let header = "invoice_number,debtor_ref,debtor_type,name,street,house_number,postcode,city,country,"
            + "invoice_date,due_date,amount,email,phone"
        var digests: [Bool: String] = [:]
        for readsAhead in [false, true] {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("adem-shared-\(UUID().uuidString).sqlite").path
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            digests[readsAhead] = try await CaseStores.withStore(.sqlite(path: path)) { store in
                _ = try await store.migrate()
                for client in (1...8).map({ "C\($0)" }) {
                    try await store.insertClient(Client(id: Client.ID(client), name: "Client \(client)"))
                    let rows = (1...3).map { person in
                        "\(client)-\(person),P\(person),consumer,Person \(person),Dorpsstraat,\(person),1234 AB,Ede,NL,"
                            + "2026-01-10,2026-02-10,120.00,p\(person)@example.nl,0612345678"
                    }
                    var reader = try ClaimFileReader(
                        source: MemoryByteSource(([header] + rows).joined(separator: "\n"), chunkBytes: 1 << 16))
                    let report = try await ClaimImport(store: store, clientID: Client.ID(client), day: day, recordedAt: "t")
                        .run(&reader, sourceName: "\(client).csv")
                    #expect(report.rejected == 0, "\(report.errors)")
                }
                let runStore = store as! any SimulationStore
                var total = RunSummary()
                for offset in 0..<14 {
                    total.add(
                        try await DailyRun(
                            store: runStore, context: simulationContext, day: day.adding(days: offset),
                            chunkDossiersMax: chunk, readsAhead: readsAhead, clock: { "t" }
                        ).run())
                }
                if !readsAhead {
                    #expect(total.chunksReadAhead == 0 && total.chunksSteppedAhead == 0)
                    #expect(total.timing.readingAhead == 0)
                } else {
                    #expect(total.chunksSteppedAhead > total.chunks / 2, "\(total)")
                    // The time the reads ahead took is counted (the writer's wait may be nil or short).
                    #expect(total.timing.readingAhead > 0 && total.timing.waitedForReadAhead >= 0)
                    // Chunks of two always share a person with the chunk before; chunks of one never.
                    #expect(chunk == 1 ? total.dossiersSteppedAgain == 0 : total.dossiersSteppedAgain > total.chunks / 2)
                }
                // The weekly cap of three contacts per person across all clients.
                let planned = try await runStore.plannedContacts(personKeys: (1...3).map { "person\($0)|1234AB|NL" }, from: day)
                #expect(planned.count == 3)
                for (person, rows) in planned {
                    let days = rows.map(\.plannedDay)
                    for first in days {
                        let inWeek = days.filter { $0 >= first && $0 < first.adding(days: 7) }.count
                        #expect(inWeek <= 3, "\(person): \(inWeek) contacts in the week from \(first)")
                    }
                }
                return try await store.stateDigest()
            }
        }
        #expect(digests[false] == digests[true])
    }
}
