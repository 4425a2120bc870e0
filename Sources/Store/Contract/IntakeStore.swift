public import Domain
public import Money

/// What the intake of outside facts needs of a store beyond the daily run's: payment intake wakes
/// the dossier a payment is for, and outbox dispatch journals each delivery under its client.
public protocol IntakeStore: DailyRunStore {
    /// Makes the open dossiers of `ids` due on `day` (payments arrived), unless due earlier already.
    /// A paused dossier (no next action day) wakes too: money is always allocated. A closed dossier
    /// is left as it is (a payment after closing is for a person to handle). A dossier named twice
    /// wakes once.
    func wakeDossiers(_ ids: [Dossier.ID], on day: Day) async throws

    /// The client of each of `ids` that exists.
    func clientIDs(ofDossiers ids: [Dossier.ID]) async throws -> [Dossier.ID: Client.ID]

    /// Those of `ids` the ledger holds a transaction of.
    func bookedTransactions(_ ids: [LedgerTransaction.ID]) async throws -> Set<LedgerTransaction.ID>
}

extension IntakeStore {
    /// Makes one open dossier due on `day` (see `wakeDossiers`).
    public func wakeDossier(_ id: Dossier.ID, on day: Day) async throws {
        try await wakeDossiers([id], on: day)
    }

    /// `transaction`, its store seen as the intake store it always is.
    public func intakeTransaction<Result: Sendable>(_ body: (any IntakeStore) async throws -> Result) async throws
        -> Result
    {
        try await transaction { transaction in
            guard let store = transaction as? any IntakeStore else {
                preconditionFailure("an intake store's transaction is an intake store")
            }
            return try await body(store)
        }
    }
}
