import Foundation
import Domain
import Engine
import Law
import Money
import Store

/// A snapshot with the person key it was read for.
struct KeyedSnapshot: Sendable {
    var base: DossierSnapshot
    let personKey: String
}

/// Reads what the engine needs for a chunk of dossiers in a handful of batch queries.
struct SnapshotReader {
    /// How far back the contact history reaches: the rolling week of the contact cap.
    static let contactHistoryDays = 7
    /// How far back earlier collection costs count (the Wki six-month cap).
    static let costChargeMonths = 6

    let store: any DailyRunStore
    let day: Day

    /// What only these dossiers' own steps change (the daily run writes none of it for other
    /// dossiers), so it can be read ahead while the chunk before them is written.
    struct DossierReads: Sendable {
        let debtors: [Debtor.ID: Debtor]
        let clients: [Client.ID: Client]
        let claims: [Dossier.ID: [Claim]]
        let balances: [Dossier.ID: LedgerBalances]
        let progress: [Dossier.ID: String]
        let responses: [Dossier.ID: [StoredResponse]]
        /// The person key of each debtor read, computed once for the chunk.
        let personKeys: [Debtor.ID: String]
    }

    /// The own data of `dossiers`, with `progress` and `balances`, theirs, read with the dossiers.
    func dossierReads(
        of dossiers: [Dossier], progress: [Dossier.ID: String], balances: [Dossier.ID: LedgerBalances]
    ) async throws -> DossierReads {
        let ids = dossiers.map(\.id)
        let debtors = try await store.debtors(Array(Set(dossiers.map(\.debtorID))))
        return DossierReads(
            debtors: debtors, clients: try await store.clients(Array(Set(dossiers.map(\.clientID)))),
            claims: try await store.claims(ofDossiers: ids), balances: balances,
            progress: progress, responses: try await store.responses(ofDossiers: ids, through: day),
            personKeys: debtors.mapValues { PersonKey.of($0) })
    }

    /// The person key of each of `dossiers`, in order, from their debtors in `reads`.
    func personKeys(of dossiers: [Dossier], reads: DossierReads) throws -> [String] {
        try dossiers.map { dossier in
            guard let key = reads.personKeys[dossier.debtorID] else {
                throw StoreError.notFound("debtor of dossier \(dossier.id)")
            }
            return key
        }
    }

    /// The snapshots of `dossiers`: their own data (`reads`; it may hold more dossiers than these)
    /// and what their persons share with other dossiers (contacts, open dossiers, earlier costs),
    /// read now under the persons' lock, for their persons alone.
    func snapshots(of dossiers: [Dossier], reads: DossierReads) async throws -> [KeyedSnapshot] {
        guard !dossiers.isEmpty else { return [] }
        let debtors = reads.debtors
        let clients = reads.clients
        let claims = reads.claims
        let balances = reads.balances
        let progressJSON = reads.progress
        let responses = reads.responses
        let personKeys = Dictionary(
            uniqueKeysWithValues: Set(dossiers.map(\.debtorID)).compactMap { id in
                reads.personKeys[id].map { (id, $0) }
            })
        // From here on no other worker reads or plans for these persons until this chunk commits.
        try await store.lockPersons(Array(personKeys.values))
        let contacts = try await store.plannedContacts(
            personKeys: Array(Set(personKeys.values)), from: day.adding(days: -Self.contactHistoryDays))
        let charges = try await store.costCharges(
            debtors: Array(personKeys.keys), since: day.adding(months: -Self.costChargeMonths))
        // After the lock: a dossier of these persons that another worker closed is no longer counted.
        let openDossiers = try await store.openDossierCounts(persons: Array(Set(personKeys.values)))
        let decoder = CanonicalJSONDecoder()
        return try dossiers.map { dossier in
            guard let debtor = debtors[dossier.debtorID], let client = clients[dossier.clientID] else {
                throw StoreError.notFound("debtor or client of dossier \(dossier.id)")
            }
            let personKey = personKeys[dossier.debtorID]!
            let progress = try progressJSON[dossier.id].map {
                try decoder.decode(CollectionProgress.self, from: $0)
            } ?? CollectionProgress()
            let dossierResponses = try (responses[dossier.id] ?? []).map { stored in
                DebtorResponse(
                    sequence: stored.sequence, day: stored.day,
                    kind: try decoder.decode(DebtorResponse.Kind.self, from: stored.response))
            }
            let snapshot = DossierSnapshot(
                dossier: dossier, debtor: debtor, client: client, claims: claims[dossier.id] ?? [],
                balances: balances[dossier.id] ?? LedgerBalances([]), progress: progress,
                contactHistory: (contacts[personKey] ?? []).map {
                    ContactRecord(day: $0.plannedDay, channel: $0.channel, dossierID: $0.dossierID)
                },
                responses: dossierResponses,
                earlierCostCharges: (charges[dossier.debtorID] ?? []).map { CostCharge(day: $0.day, amount: $0.amount) },
                personOtherOpenDossiers: max(0, (openDossiers[personKey] ?? 1) - 1))
            return KeyedSnapshot(base: snapshot, personKey: personKey)
        }
    }
}
