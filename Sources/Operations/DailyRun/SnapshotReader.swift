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
    /// and what their persons share with other dossiers (contacts, earlier costs), read now under the
    /// persons' lock, for their persons alone. The persons' open dossiers are not read: each
    /// snapshot counts none besides its own (`steps(of:reads:on:context:)` reads them where needed).
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
                earlierCostCharges: (charges[dossier.debtorID] ?? []).map {
                    CostCharge(day: $0.day, amount: $0.amount)
                })
            return KeyedSnapshot(base: snapshot, personKey: personKey)
        }
    }

    /// The changed steps of `dossiers` (by index), and the person key of each dossier.
    ///
    /// A person's open dossiers at every client matter to a step only when it closes a dossier (its
    /// event says whether the person is left without debt here), and such steps are a few in a
    /// hundred. So the dossiers are stepped first without them; for the persons with a dossier that
    /// closed, the count is read then (still under the persons' lock: a dossier another worker
    /// closed is not counted) and all their dossiers are stepped again with it, as one pass with the
    /// count would have stepped them. The other persons' steps do not depend on it and stand. Reading
    /// the count for every person was about 4% of a simulated year's CPU time.
    func steps(of dossiers: [Dossier], reads: DossierReads, on day: Day, context: EngineContext) async throws
        -> (steps: [(Int, EncodedStep)], persons: [String])
    {
        let snapshots = try await snapshots(of: dossiers, reads: reads)
        let persons = snapshots.map(\.personKey)
        let first = try await DailyRun.step(snapshots, on: day, context: context)
        let closing = Set(first.filter { $0.1.step.dossier.state == .closed }.map { persons[$0.0] })
        guard !closing.isEmpty else { return (first, persons) }
        let openDossiers = try await store.openDossierCounts(persons: Array(closing))
        let again = snapshots.indices.filter { closing.contains(persons[$0]) }
        let counted = again.map { index in
            var keyed = snapshots[index]
            keyed.base = keyed.base.counting(otherOpenDossiers: max(0, (openDossiers[keyed.personKey] ?? 1) - 1))
            return keyed
        }
        let redone = try await DailyRun.step(counted, on: day, context: context).map { (again[$0.0], $0.1) }
        let kept = first.filter { !closing.contains(persons[$0.0]) }
        return ((kept + redone).sorted { $0.0 < $1.0 }, persons)
    }
}
