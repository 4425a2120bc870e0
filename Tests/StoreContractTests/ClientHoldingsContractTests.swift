import Domain
import Money
import Testing

@testable import Store

/// `holdsClaimsOrDebtors(ofClient:)`, which lets an import skip looking up ids it has not written:
/// it must see any claim or debtor in the client's part of the ids, and only those.
@Suite struct ClientHoldingsContractTests {
    @Test(arguments: Engine.covered)
    func aClientsClaimsAndDebtorsAreFoundByTheirIDsAndNoOneElses(engine: Engine) async throws {
        try await StoreFixture.withFreshStore(engine) { (store: any CaseStore) async throws in
            for id in ["A", "A-1", "A0", "AB", "B"] { try await store.insertClient(Client(id: Client.ID(id), name: id)) }
            func holds(_ client: String) async throws -> Bool {
                try await store.holdsClaimsOrDebtors(ofClient: Client.ID(client))
            }
            #expect(try await holds("A") == false)
            // The neighbours of "A/" in byte order: "A-1/D" sorts before it, "A0/D" and "AB/D" after "A0".
            let neighbours = ["A-1", "A0", "AB"].map { Sample.debtor("D", client: Client.ID($0)) }
            try await store.insertDebtors(neighbours)
            #expect(try await holds("A") == false)
            #expect(try await holds("A0") == true)
            #expect(try await holds("B") == false)

            // A claim counts on its own: this one is B's, in a dossier of AB's debtor.
            let dossier = Sample.dossier(for: neighbours[2])
            try await store.insertDossiers([dossier])
            let claim = Claim(
                clientID: Client.ID("B"), dossierID: dossier.id, invoiceNumber: "F-1", invoiceDay: Sample.day,
                dueDay: Sample.day.adding(days: 14), principal: Money(cents: 100), description: "one")
            try await store.insertClaims([StoredClaim(claim: claim)])
            #expect(try await holds("B") == true)
            #expect(try await holds("A") == false)

            try await store.insertDebtors([Sample.debtor("D", client: Client.ID("A"))])
            #expect(try await holds("A") == true)
        }
    }
}
