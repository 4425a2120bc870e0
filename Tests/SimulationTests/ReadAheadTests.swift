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

    func run(_ store: any SimulationStore, on day: Day, readsAhead: Bool) -> DailyRun {
        DailyRun(
            store: store, context: simulationContext, day: day, chunkDossiersMax: Self.chunk, readsAhead: readsAhead,
            clock: { "t" })
    }

    /// Three weeks of daily runs, with and without reading ahead, end in the same digest.
    @Test func readingAheadChangesNothing() async throws {
        var digests: [Bool: String] = [:]
        for readsAhead in [false, true] {
            digests[readsAhead] = try await withBook { _, store, first in
                var chunks = 0
                var readAhead = 0
                for offset in 0..<21 {
                    let summary = try await run(store, on: first.adding(days: offset), readsAhead: readsAhead).run()
                    chunks += summary.chunks
                    readAhead += summary.chunksReadAhead
                }
                if readsAhead {
                    // Every chunk of a day but its first can be read ahead.
                    #expect(readAhead > chunks / 2, "\(readAhead) of \(chunks) chunks read ahead")
                } else {
                    #expect(readAhead == 0)
                }
                return try await store.stateDigest()
            }
        }
        #expect(digests[false] == digests[true])
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
}
