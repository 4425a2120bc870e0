import Domain
import SQLKit
import Testing

@testable import Store

/// The planner's statistics follow the tables' growth: PostgreSQL analyzes a table once it holds rows
/// it never analyzed, or has grown well past what it last saw, and then not again until it grows;
/// SQLite has nothing to do. Both engines.
@Suite struct PlannerStatisticsContractTests {
    /// The rows PostgreSQL's planner believes `table` holds (`pg_class.reltuples`, -1: never analyzed).
    private func plannedRows(_ store: any CaseStore, _ table: String) async throws -> Double {
        try await (store as! SQLCaseStore).run { database in
            let row = try await database.raw(
                "SELECT CAST(reltuples AS DOUBLE PRECISION) AS n FROM pg_class WHERE relname = \(bind: table)"
            ).first()
            return try #require(row).decode(column: "n", as: Double.self)
        }
    }

    @Test(arguments: Engine.covered)
    func tablesAreAnalyzedWhenTheyHaveGrown(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { store in
            // A fresh store: every table empty, nothing to analyze.
            #expect(try await store.refreshPlannerStatistics() == [])
            _ = try await Sample.seed(store, count: 3)
            let first = try await store.refreshPlannerStatistics()
            let again = try await store.refreshPlannerStatistics()
            // Many more dossiers than the one page the planner saw.
            try await store.transaction { store in
                let debtors = (1...1_500).map { Sample.debtor("G-\($0)") }
                try await store.insertDebtors(debtors)
                try await store.insertDossiers(debtors.map { Sample.dossier(for: $0) })
            }
            let grown = try await store.refreshPlannerStatistics()
            switch engine {
            case .sqlite:
                #expect(first == [] && again == [] && grown == [])
            case .postgresql:
                #expect(first == ["claims", "clients", "debtors", "dossiers", "journal", "ledger_postings"])
                #expect(again == [])
                #expect(grown == ["debtors", "dossiers"])
                #expect(try await plannedRows(store, "dossiers") == 1_503)
                #expect(try await plannedRows(store, "outbox") < 0)
            }
        }
    }
}
