public import Domain
public import Law
import Money

/// Everything the planner needs to step one dossier: Operations reads it from the store in chunks.
public struct DossierSnapshot: Sendable {
    /// The dossier.
    public let dossier: Dossier
    /// Its debtor.
    public let debtor: Debtor
    /// Its client (mandate and strategy).
    public let client: Client
    /// Its claims.
    public let claims: [Claim]
    /// Its ledger balances (payments arrive here).
    public let balances: LedgerBalances
    /// The engine's progress as stored (a new `CollectionProgress()` for a dossier never stepped).
    public let progress: CollectionProgress
    /// The person's contacts (planned and made) by any channel, for any client: at least the last 7
    /// days and every contact planned for later.
    public let contactHistory: [ContactRecord]
    /// Responses recorded for the dossier; those at or below `progress.lastResponseSequence` are ignored.
    public let responses: [DebtorResponse]
    /// Collection costs charged to the same debtor by the same client in the last six months (Wki cap).
    public let earlierCostCharges: [CostCharge]
    /// How many other dossiers of the same person (`PersonKey`) are open, at this client and every
    /// other one: the `closed` event reports whether the person became debt-free. It matters to
    /// nothing else, so the daily run reads it only for the steps that close a dossier.
    public let personOtherOpenDossiers: Int

    /// A snapshot.
    public init(dossier: Dossier, debtor: Debtor, client: Client, claims: [Claim], balances: LedgerBalances,
                progress: CollectionProgress = CollectionProgress(), contactHistory: [ContactRecord] = [],
                responses: [DebtorResponse] = [], earlierCostCharges: [CostCharge] = [], personOtherOpenDossiers: Int = 0) {
        precondition(personOtherOpenDossiers >= 0, "a count of dossiers is not negative")
        self.dossier = dossier
        self.debtor = debtor
        self.client = client
        self.claims = claims
        self.balances = balances
        self.progress = progress
        self.contactHistory = contactHistory
        self.responses = responses
        self.earlierCostCharges = earlierCostCharges
        self.personOtherOpenDossiers = personOtherOpenDossiers
    }
}
