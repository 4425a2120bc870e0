public import Domain

/// The mandates of the simulated clients. Every simulated client lets the agency go to court after a
/// positive recovery investigation (as the reference agency's clients do, so amicable closings count
/// as legal costs saved); a share of the portfolio belongs to clients that waive statutory interest.
public struct ClientMix: Sendable, Equatable {
    /// The share (0...1) of the portfolio's dossiers whose client waives statutory interest.
    public let interestWaivingDossierShare: Double

    /// A mix with `interestWaivingDossierShare` of the dossiers at clients that waive interest.
    public init(interestWaivingDossierShare: Double) {
        precondition((0...1).contains(interestWaivingDossierShare), "a share is between 0 and 1")
        self.interestWaivingDossierShare = interestWaivingDossierShare
    }

    /// Every client charges statutory interest (the default mandate's policy).
    public static let standard = ClientMix(interestWaivingDossierShare: 0)

    /// The reference agency year: clients holding 95% of the dossiers waive statutory interest
    /// (docs/simulation.md, "Calibration against the reference year").
    public static let reference2024 = ClientMix(interestWaivingDossierShare: 0.95)

    /// The mandate of each of `clients`, in their order. The share holds for the dossiers, not only
    /// for the clients, whatever the clients' sizes: from the largest client down (ties by position),
    /// a client waives interest when that brings the waiving clients' dossiers closer to the share of
    /// all dossiers, so the share is missed by at most about half a small client.
    public func mandates(for clients: [SyntheticClient]) -> [Mandate] {
        let target = interestWaivingDossierShare * Double(clients.map(\.dossiers).reduce(0, +))
        var dossiersWaived = 0
        var waives = Set<Int>()
        for client in clients.sorted(by: { ($0.dossiers, $1.index) > ($1.dossiers, $0.index) }) {
            guard abs(Double(dossiersWaived + client.dossiers) - target) < abs(Double(dossiersWaived) - target) else {
                continue
            }
            dossiersWaived += client.dossiers
            waives.insert(client.index)
        }
        return clients.map { client in
            var mandate = Mandate.standard
            mandate.mayGoToCourt = true
            mandate.waivesStatutoryInterest = waives.contains(client.index)
            return mandate
        }
    }
}
