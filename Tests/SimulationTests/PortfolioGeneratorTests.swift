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
