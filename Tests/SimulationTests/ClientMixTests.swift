import Domain
import Simulation
import Testing

@Suite struct ClientMixTests {
    /// The waiving clients hold the share of the dossiers the mix asks for (not of the clients), and
    /// every simulated client may go to court.
    @Test func theWaivingShareHoldsForTheDossiers() {
        let clients = PortfolioGenerator.clients(PortfolioSpec(year: 2024, clients: 67, dossiers: 10_000, seed: 2024))
        for share in [0.0, 0.5, 0.95, 1.0] {
            let mandates = ClientMix(interestWaivingDossierShare: share).mandates(for: clients)
            let waived = zip(clients, mandates).filter { $0.1.waivesStatutoryInterest }.map(\.0.dossiers).reduce(0, +)
            #expect(abs(Double(waived) / 10_000 - share) < 0.005, "share \(share): \(waived) dossiers")
            #expect(mandates.allSatisfy { $0.mayGoToCourt })
        }
        #expect(ClientMix.standard.mandates(for: clients).allSatisfy { !$0.waivesStatutoryInterest })
    }
}
