public import Domain
public import Money

/// What one planner step decided: Operations writes all of it in one transaction.
public struct DossierStep: Sendable {
    /// The dossier after the step (state, flags, closure, next action day).
    public let dossier: Dossier
    /// The progress to store (as JSON) for the next step.
    public let progress: CollectionProgress
    /// Journal events, in order.
    public let events: [JournalEvent]
    /// Ledger transactions (interest, costs), each with a natural-key id.
    public let transactions: [LedgerTransaction]
    /// Messages to send.
    public let outbox: [OutboxMessage]
    /// The claim statement for a debt counsellor, when the step referred the dossier.
    public let claimStatement: ClaimStatement?

    /// Whether anything changed; false means: write nothing.
    public var changed: Bool

    /// The day the dossier is next due; nil when it waits for a response.
    public var nextActionDay: Day? { dossier.nextActionDay }
}
