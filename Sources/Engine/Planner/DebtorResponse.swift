import Domain
public import Money

/// An answer recorded for a dossier since the engine last looked: from the debtor (portal, phone,
/// mail), from a reviewer, or from the client. Payments are not responses: they arrive in the ledger.
public struct DebtorResponse: Hashable, Sendable, Codable {
    /// What was answered.
    public enum Kind: Hashable, Sendable, Codable {
        /// The debtor got in touch (a call, a message) without a request the engine acts on.
        case replied
        /// The debtor disputes the claim.
        case disputeOpened(reason: String)
        /// The dispute was resolved; `upheld` when the debtor was right (the claim is written off).
        case disputeResolved(upheld: Bool)
        /// The debtor asked for help.
        case helpRequested
        /// The debtor asked for an arrangement and stated their finances.
        case arrangementRequested(DebtorCircumstances)
        /// The debtor asked to defer payment of the whole amount for some days.
        case deferralRequested(days: Int)
        /// The debtor entered debt counselling; `consent` to refer the dossier to `counsellor`.
        case debtCounsellingStarted(counsellor: String, consent: Bool)
        /// Debt counselling ended without taking over the debt.
        case debtCounsellingEnded
        /// Someone noticed signs of vulnerability.
        case vulnerabilitySignalled(note: String)
        /// A person reviewed the vulnerability flag; `contactAllowed` resumes collection.
        case vulnerabilityReviewed(contactAllowed: Bool)
        /// The client withdrew the dossier.
        case withdrawnByClient
        /// The client accepted a settlement for the rest.
        case settled
    }

    /// The order of recording (store-assigned, increasing per dossier): the engine handles each once.
    public let sequence: Int64
    /// The business day it was recorded.
    public let day: Day
    /// What was answered.
    public let kind: Kind

    /// A response.
    public init(sequence: Int64, day: Day, kind: Kind) {
        precondition(sequence > 0, "sequences start at 1")
        self.sequence = sequence
        self.day = day
        self.kind = kind
    }
}
