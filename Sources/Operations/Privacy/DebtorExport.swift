public import Domain
import Money
public import Store

/// Everything held on one debtor (AVG/GDPR art. 15, right of access): the debtor record at each
/// client that knows the reference, every dossier, claim, ledger transaction and journal event.
public struct DebtorExport: Codable, Sendable {
    /// One debtor record with all it relates to.
    public struct Entry: Codable, Sendable {
        /// The debtor record, personal data included.
        public let debtor: Debtor
        /// The debtor's dossiers at this client.
        public let dossiers: [DossierExport]
    }

    /// One dossier with its claims, ledger, balances and journal.
    public struct DossierExport: Codable, Sendable {
        /// The dossier's state.
        public let dossier: Dossier
        /// Its claims.
        public let claims: [Claim]
        /// Its ledger, in booking order.
        public let ledger: [LedgerTransaction]
        /// What is still owed, in cents (derived from the ledger).
        public let outstandingCents: Int64
        /// Its journal, in order.
        public let journal: [JournalEvent]
    }

    /// The reference asked for.
    public let reference: String
    /// One entry per client that knows the reference.
    public let debtors: [Entry]

    /// Journal events read per query.
    static let journalPageEventsMax = 1_000

    /// Collects the export for `reference`, optionally at one client only.
    public static func collect(reference: String, clientID: Client.ID?, from store: any CaseStore) async throws
        -> DebtorExport
    {
        var entries: [Entry] = []
        for debtor in try await store.debtors(reference: reference) where clientID == nil || debtor.clientID == clientID
        {
            var dossiers: [DossierExport] = []
            for dossier in try await store.dossiers(ofDebtors: [debtor.id]) {
                let ledger = try await store.ledger(ofDossier: dossier.id)
                var journal: [JournalEvent] = []
                try await store.forEachJournalPage(JournalFilter(dossierID: dossier.id), pageSize: journalPageEventsMax) {
                    journal += $0
                }
                dossiers.append(
                    DossierExport(
                        dossier: dossier, claims: try await store.claims(ofDossier: dossier.id), ledger: ledger,
                        outstandingCents: LedgerBalances(ledger).outstanding.cents, journal: journal))
            }
            entries.append(Entry(debtor: debtor, dossiers: dossiers))
        }
        return DebtorExport(reference: reference, debtors: entries)
    }
}
