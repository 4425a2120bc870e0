public import Domain
public import Engine
public import Money
public import Store

/// Everything held on one debtor (AVG/GDPR art. 15, right of access): the debtor record at each
/// client that knows the reference, every dossier, claim, ledger transaction and journal event, the
/// responses recorded from the debtor and the finances the engine keeps.
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
        /// The debtor's responses recorded on it, in order (empty once erased by the retention rule).
        public let responses: [ResponseExport]
        /// The debtor's finances as the engine keeps them (stated or investigated), if any.
        public let circumstances: DebtorCircumstances?
    }

    /// One recorded response of the debtor.
    public struct ResponseExport: Codable, Sendable {
        /// Its position among the dossier's responses.
        public let sequence: Int64
        /// The day it arrived.
        public let day: Day
        /// What the debtor said or asked.
        public let response: DebtorResponse.Kind
    }

    /// The reference asked for.
    public let reference: String
    /// One entry per client that knows the reference.
    public let debtors: [Entry]

    /// Journal events read per query.
    static let journalPageEventsMax = 1_000
    /// A day after every response (they are read through a day).
    static let lastDay = Day(iso: "9999-12-31")!

    /// Collects the export for `reference`, optionally at one client only.
    public static func collect(reference: String, clientID: Client.ID?, from store: any CaseStore) async throws
        -> DebtorExport
    {
        var entries: [Entry] = []
        for debtor in try await store.debtors(reference: reference) where clientID == nil || debtor.clientID == clientID
        {
            var dossiers: [DossierExport] = []
            for dossier in try await store.dossiers(ofDebtors: [debtor.id]) {
                dossiers.append(try await export(of: dossier, from: store))
            }
            entries.append(Entry(debtor: debtor, dossiers: dossiers))
        }
        return DebtorExport(reference: reference, debtors: entries)
    }

    /// One dossier with its claims, ledger, outstanding amount, journal, recorded responses and the
    /// debtor's finances as the engine keeps them.
    public static func export(of dossier: Dossier, from store: any CaseStore) async throws -> DossierExport {
        let runStore = store as? any DailyRunStore
        let decoder = CanonicalJSONDecoder()
        let ledger = try await store.ledger(ofDossier: dossier.id)
        var journal: [JournalEvent] = []
        try await store.forEachJournalPage(JournalFilter(dossierID: dossier.id), pageSize: journalPageEventsMax) {
            journal += $0
        }
        let stored = try await runStore?.responses(ofDossiers: [dossier.id], through: Self.lastDay)[dossier.id] ?? []
        let responses = try stored.map {
            ResponseExport(
                sequence: $0.sequence, day: $0.day,
                response: try decoder.decode(DebtorResponse.Kind.self, from: $0.response))
        }
        let progress = try await runStore?.progress(of: [dossier.id])[dossier.id].map {
            try decoder.decode(CollectionProgress.self, from: $0)
        }
        return DossierExport(
            dossier: dossier, claims: try await store.claims(ofDossier: dossier.id), ledger: ledger,
            outstandingCents: LedgerBalances(ledger).outstanding.cents, journal: journal,
            responses: responses, circumstances: progress?.circumstances)
    }
}
