import Domain
import Engine
import Foundation
import LawData
import Money
import Operations
import Simulation
import Store
import Testing

/// Runs `body` on a fresh, migrated SQLite store in a temporary file.
func withTemporaryStore<Result: Sendable>(_ body: (any SimulationStore) async throws -> Result) async throws -> Result {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("adem-sim-\(UUID().uuidString).sqlite").path
    defer {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    return try await CaseStores.withStore(.sqlite(path: path)) { store in
        _ = try await store.migrate()
        return try await body(store as! any SimulationStore)
    }
}

let simulationContext = EngineContext(law: try! LawData.netherlands(), partnerOffices: SyntheticPartnerOffices.table)

/// Simulates `spec` into a fresh store; returns the summary, the digest and the journal's counts by type.
func simulate(_ spec: PortfolioSpec) async throws -> (SimulationSummary, String, [JournalEventType: Int]) {
    try await withTemporaryStore { store in
        let summary = try await Simulator(spec: spec, store: store, context: simulationContext, clock: { "2024-01-01T00:00:00Z" })
            .run()
        var counts: [JournalEventType: Int] = [:]
        for type in JournalEventType.allCases { counts[type] = try await store.countJournal(JournalFilter(type: type)) }
        return (summary, try await store.stateDigest(), counts)
    }
}

@Suite struct SimulatorTests {
    /// The same seed and portfolio give the same state digest: the year is reproducible.
    @Test func theSameSeedGivesTheSameDigest() async throws {
        let spec = PortfolioSpec(year: 2024, clients: 3, dossiers: 60, seed: 5)
        let (firstSummary, first, _) = try await simulate(spec)
        let (secondSummary, second, _) = try await simulate(spec)
        #expect(first == second)
        #expect(firstSummary == secondSummary)
        #expect(firstSummary.dossiers == 60)
    }

    /// A small year holds every shape the social report reads: payments, deliveries by channel,
    /// calls both ways, portal logins, arrangements, disputes, freezes, closings and surveys, each
    /// event valid under the payload contract.
    @Test func aSimulatedYearHasTheShapesTheReportNeeds() async throws {
        let spec = PortfolioSpec(year: 2024, clients: 8, dossiers: 500, seed: 9)
        let (summary, _, counts) = try await simulate(spec)
        #expect(summary.rejectedRows == 0)
        #expect(summary.dossiers == 500)
        #expect(summary.payments > 100)
        #expect(summary.collected.isPositive)
        for type: JournalEventType in [
            .dossierOpened, .paymentReceived, .contactDelivered, .contactFailed, .callMade, .portalLogin, .arrangementAgreed,
            .disputeOpened, .freezeStarted, .freezeEnded, .closed, .surveyAnswered, .referred,
        ] {
            #expect((counts[type] ?? 0) > 0, "no \(type.rawValue) in the simulated year")
        }
        #expect(counts[.paymentReceived] == summary.payments)
    }
}
