public import Domain
public import Money

/// The statement of a client's claim for a debt counsellor (vorderingenoverzicht): principal,
/// interest and costs on a reference day, with the claims listed (step 1 of social collection).
public struct ClaimStatement: Hashable, Sendable, Codable {
    /// One claim on the statement.
    public struct Line: Hashable, Sendable, Codable {
        /// The client's invoice number.
        public let invoiceNumber: String
        /// The invoice day.
        public let invoiceDay: Day
        /// The due day.
        public let dueDay: Day
        /// The principal handed over.
        public let principal: Money
    }

    /// The dossier.
    public let dossierID: Dossier.ID
    /// The day the amounts are stated on.
    public let referenceDay: Day
    /// The claims.
    public let lines: [Line]
    /// The principal in all.
    public let principal: Money
    /// Interest charged through the reference day.
    public let interest: Money
    /// Collection costs charged.
    public let costs: Money
    /// Payments received.
    public let paid: Money
    /// What remains owed: principal + interest + costs - paid.
    public var outstanding: Money { principal + interest + costs - paid }

    /// The statement of `claims` on `day` from the dossier's ledger `balances`.
    public init(dossierID: Dossier.ID, claims: [Claim], balances: LedgerBalances, on day: Day) {
        self.dossierID = dossierID
        self.referenceDay = day
        let sorted = claims.sorted { ($0.dueDay, $0.invoiceNumber) < ($1.dueDay, $1.invoiceNumber) }
        self.lines = sorted.map { Line(invoiceNumber: $0.invoiceNumber, invoiceDay: $0.invoiceDay, dueDay: $0.dueDay, principal: $0.principal) }
        self.principal = Money.sum(claims.map(\.principal))
        self.interest = -balances[.interest]
        self.costs = -balances[.costs]
        self.paid = balances[.paymentsReceived]
    }
}
