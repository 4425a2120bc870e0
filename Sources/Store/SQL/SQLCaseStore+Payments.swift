import Domain
import Money
import SQLKit

extension SQLCaseStore: IntakeStore {
    func wakeDossier(_ id: Dossier.ID, on day: Day) async throws {
        let dayValue = Int64(day.daysSinceEpoch)
        try await run { database in
            // The same wake-up as a recorded response: the version moves on so a stale writer conflicts.
            try await database.raw(
                """
                UPDATE dossiers SET next_action_day = \(bind: dayValue), version = version + 1 \
                WHERE id = \(bind: id.rawValue) AND state <> 'closed' \
                AND (next_action_day IS NULL OR next_action_day > \(bind: dayValue))
                """
            ).run()
        }
    }

    func clientIDs(ofDossiers ids: [Dossier.ID]) async throws -> [Dossier.ID: Client.ID] {
        guard !ids.isEmpty else { return [:] }
        return try await run { database in
            var result: [Dossier.ID: Client.ID] = [:]
            for chunk in Self.chunks(ids.map(\.rawValue)) {
                for row in try await database.raw("SELECT id, client_id FROM dossiers WHERE id IN (\(binds: chunk))").all() {
                    result[Dossier.ID(try row.decode(column: "id", as: String.self))] =
                        Client.ID(try row.decode(column: "client_id", as: String.self))
                }
            }
            return result
        }
    }
}
