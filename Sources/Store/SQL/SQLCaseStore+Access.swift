import Domain
import SQLKit

extension SQLCaseStore {
    func recordAccess(_ accesses: [PersonalDataAccess]) async throws {
        try await insertRows(
            "personal_data_access", columns: ["accessed_at", "accessed_by", "debtor_id", "dossier_id", "action"],
            rows: accesses.map { access in
                [
                    .text(access.accessedAt), .text(access.accessedBy), .text(access.debtorID.rawValue),
                    .text(access.dossierID?.rawValue), .text(access.action),
                ]
            })
    }

    func accesses(ofDebtors debtorIDs: [Debtor.ID]?, after afterSequence: Int64, limit: Int) async throws
        -> [PersonalDataAccess]
    {
        try await run { database in
            var statement: SQLQueryString = "SELECT * FROM personal_data_access WHERE sequence > \(bind: afterSequence)"
            if let debtorIDs {
                guard !debtorIDs.isEmpty else { return [] }
                statement = statement + " AND debtor_id IN (\(binds: debtorIDs.map(\.rawValue)))"
            }
            return try await database.raw(statement + " ORDER BY sequence LIMIT \(bind: Int64(limit))").all().map {
                row in
                PersonalDataAccess(
                    sequence: try row.decode(column: "sequence", as: Int64.self),
                    accessedAt: try row.decode(column: "accessed_at", as: String.self),
                    accessedBy: try row.decode(column: "accessed_by", as: String.self),
                    debtorID: Debtor.ID(try row.decode(column: "debtor_id", as: String.self)),
                    dossierID: try row.decode(column: "dossier_id", as: String?.self).map { Dossier.ID($0) },
                    action: try row.decode(column: "action", as: String.self))
            }
        }
    }
}
