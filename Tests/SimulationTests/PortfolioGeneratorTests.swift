import Domain
import Foundation
import Money
import Operations
import Simulation
import Store
import Testing

@Suite struct PortfolioGeneratorTests {
    let spec = PortfolioSpec(year: 2024, clients: 40, dossiers: 3_000, seed: 7)

    @Test func dossiersAddUpExactly() {
        let clients = PortfolioGenerator.clients(spec)
        #expect(clients.count == 40)
        #expect(clients.map(\.dossiers).reduce(0, +) == 3_000)
        #expect(clients.allSatisfy { $0.dossiers >= 1 })
        let rows = clients.flatMap { PortfolioGenerator.handOvers(of: $0, spec: spec) }
        let dossiersInFiles = Set(
            rows.flatMap { $0.csv.split(separator: "\n").dropFirst().map { line -> String in
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                return String(fields[0].split(separator: "-").dropLast().joined(separator: "-"))
            } })
        #expect(dossiersInFiles.count == 3_000)
    }

    @Test func theSameSeedGivesTheSamePortfolio() {
        let first = PortfolioGenerator.clients(spec).flatMap { PortfolioGenerator.handOvers(of: $0, spec: spec) }
        let second = PortfolioGenerator.clients(spec).flatMap { PortfolioGenerator.handOvers(of: $0, spec: spec) }
        #expect(first == second)
        let other = PortfolioSpec(year: 2024, clients: 40, dossiers: 3_000, seed: 8)
        #expect(PortfolioGenerator.clients(other).flatMap { PortfolioGenerator.handOvers(of: $0, spec: other) } != first)
    }

    /// The mix the issue asks for: about 90% consumers, 10% businesses, 12% abroad.
    @Test func debtorMixIsRealistic() {
        let lines = PortfolioGenerator.clients(spec).flatMap { PortfolioGenerator.handOvers(of: $0, spec: spec) }
            .flatMap { $0.csv.split(separator: "\n").dropFirst() }
        var debtors: [String: (business: Bool, abroad: Bool)] = [:]
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let dossier = fields[0].split(separator: "-").dropLast().joined(separator: "-")
            debtors[dossier] = (fields[2] == "business", fields[8] != "NL")
        }
        let businessShare = Double(debtors.values.filter(\.business).count) / Double(debtors.count)
        let abroadShare = Double(debtors.values.filter(\.abroad).count) / Double(debtors.count)
        #expect((0.06...0.14).contains(businessShare), "business share \(businessShare)")
        #expect((0.10...0.14).contains(abroadShare), "abroad share \(abroadShare)")
    }

    /// Debtors who will live close to the protected income (those who ask for a plan or help) owe
    /// more: their dossiers' median amount is about `tightDebtFactor` times the others' in the same
    /// portfolio, and the dossier ids the generator predicts are the ones the import opens.
    @Test func tightDebtorsOweMore() {
        let model = BehaviourModel(seed: spec.seed)
        var amounts: (tight: [Double], others: [Double]) = ([], [])
        for client in PortfolioGenerator.clients(spec) where client.sector == .energy || client.sector == .telecom {
            for handOver in PortfolioGenerator.handOvers(of: client, spec: spec, debtors: model) {
                var perDossier: [String: Double] = [:]
                for line in handOver.csv.split(separator: "\n").dropFirst() {
                    let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                    perDossier[String(fields[1]), default: 0] += Double(fields[11])!
                }
                for (reference, amount) in perDossier {
                    let dossier = Dossier.id(debtor: Debtor.id(client: Client.ID(client.reference), reference: reference), ordinal: 1)
                    if model.debtor(dossier).profile.livesCloseToProtectedIncome { amounts.tight.append(amount) }
                    else { amounts.others.append(amount) }
                }
            }
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let ratio = median(amounts.tight) / median(amounts.others)
        #expect(amounts.tight.count > 100)
        #expect((1.6...2.5).contains(ratio), "ratio \(ratio)")
    }

    /// Every generated row passes the real import: the simulation never feeds the store data a
    /// client could not have sent.
    @Test func everyRowImportsCleanly() async throws {
        let small = PortfolioSpec(year: 2024, clients: 5, dossiers: 200, seed: 11)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("adem-sim-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let imported = try await CaseStores.withStore(.sqlite(path: path)) { store in
            _ = try await store.migrate()
            var total = 0
            for client in PortfolioGenerator.clients(small) {
                try await store.insertClient(Client(id: Client.ID(client.reference), name: client.name))
                for handOver in PortfolioGenerator.handOvers(of: client, spec: small) {
                    var reader = try ClaimFileReader(source: MemoryByteSource(handOver.csv, chunkBytes: 1 << 16))
                    let report = try await ClaimImport(
                        store: store, clientID: Client.ID(client.reference), day: handOver.day,
                        recordedAt: "2024-01-01T00:00:00Z"
                    ).run(&reader, sourceName: "generated")
                    #expect(report.rejected == 0, "\(report.errors.prefix(3))")
                    total += report.imported
                }
            }
            return total
        }
        #expect(imported >= 200)
    }
}
