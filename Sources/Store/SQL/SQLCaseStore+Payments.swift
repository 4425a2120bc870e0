import Domain
import Money
import SQLKit

extension SQLCaseStore: IntakeStore {
    func wakeDossiers(_ ids: [Dossier.ID], on day: Day) async throws {
        guard !ids.isEmpty else { return }
        let dayValue = Int64(day.daysSinceEpoch)
        try await run { database in
            // A payment's or a recorded response's wake-up: the version moves on so a stale writer conflicts.
            for chunk in Self.chunks(Array(Set(ids.map(\.rawValue))).sorted()) {
                try await database.raw(
                    """
                    UPDATE dossiers SET next_action_day = \(bind: dayValue), version = version + 1 \
                    WHERE id IN (\(binds: chunk)) AND state <> 'closed' \
                    AND (next_action_day IS NULL OR next_action_day > \(bind: dayValue))
                    """
                ).run()
            }
        }
    }

    func bookedTransactions(_ ids: [LedgerTransaction.ID]) async throws -> Set<LedgerTransaction.ID> {
        guard !ids.isEmpty else { return [] }
        return try await run { database in
            var booked: Set<LedgerTransaction.ID> = []
            for chunk in Self.chunks(Array(Set(ids.map(\.rawValue))).sorted()) {
                let rows = try await database.raw(
                    "SELECT DISTINCT transaction_id FROM ledger_postings WHERE transaction_id IN (\(binds: chunk))"
                ).all()
                for row in rows {
                    booked.insert(LedgerTransaction.ID(try row.decode(column: "transaction_id", as: String.self)))
                }
            }
            return booked
        }
    }

    func clientIDs(ofDossiers ids: [Dossier.ID]) async throws -> [Dossier.ID: Client.ID] {
        try await selectByIDs(ids, "SELECT id, client_id FROM dossiers WHERE id IN") { row, result in
            result[Dossier.ID(try row.decode(column: "id", as: String.self))] =
                Client.ID(try row.decode(column: "client_id", as: String.self))
        }
    }
}
