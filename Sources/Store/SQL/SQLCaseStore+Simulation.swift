import Domain
import SQLKit

extension SQLCaseStore: SimulationStore {
    func simulationMark(_ name: String) async throws -> String? {
        try await run { database in
            try await database.raw("SELECT value FROM simulation_marks WHERE name = \(bind: name)").first()?
                .decode(column: "value", as: String.self)
        }
    }

    func setSimulationMark(_ name: String, to value: String) async throws {
        try await run { database in
            try await database.raw(
                """
                INSERT INTO simulation_marks (name, value) VALUES (\(bind: name), \(bind: value)) \
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """
            ).run()
        }
    }

    func importRecorded(clientID: Client.ID, source: String) async throws -> Bool {
        try await run { database in
            try await database.raw(
                "SELECT 1 AS found FROM imports WHERE client_id = \(bind: clientID.rawValue) AND source = \(bind: source)"
            ).first() != nil
        }
    }

    func countResponses() async throws -> Int {
        try await run { database in
            Int(try await database.raw("SELECT COUNT(*) AS n FROM debtor_responses").first()?.decode(column: "n", as: Int64.self) ?? 0)
        }
    }
}
