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
    /// more, payers less: each group's median dossier is about its `debtFactor` times that of the
    /// debtors drawn like everyone's, and the dossier ids the generator predicts are the ones the
    /// import opens.
    @Test func theDebtFollowsTheDebtor() {
        let model = BehaviourModel(seed: spec.seed)
        var amounts: [Double: [Double]] = [:]
        for client in PortfolioGenerator.clients(spec) where client.sector == .energy || client.sector == .telecom {
            for handOver in PortfolioGenerator.handOvers(of: client, spec: spec, debtors: model) {
                var perDossier: [String: Double] = [:]
                for line in handOver.csv.split(separator: "\n").dropFirst() {
                    let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                    perDossier[String(fields[1]), default: 0] += Double(fields[11])!
                }
                for (reference, amount) in perDossier {
                    let dossier = Dossier.id(debtor: Debtor.id(client: Client.ID(client.reference), reference: reference), ordinal: 1)
                    amounts[model.knobs.debtFactor(of: model.debtor(dossier).profile), default: []].append(amount)
                }
            }
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let neutral = median(amounts[1] ?? [])
        for factor in [model.knobs.tightDebtFactor, model.knobs.payerDebtFactor] {
            let group = amounts[factor] ?? []
            #expect(group.count > 100, "\(group.count) dossiers at factor \(factor)")
            let ratio = median(group) / neutral
            #expect((factor * 0.8...factor * 1.25).contains(ratio), "factor \(factor): ratio \(ratio)")
        }
    }

    /// About `multiCreditorShare` of the dossiers belong to persons who owe several clients: the same
    /// name, address and country (one `PersonKey`) at each, handed over in the same month, all with
    /// the same behaviour profile; the others are persons of one dossier.
    @Test func somePersonsOweSeveralClients() {
        let model = BehaviourModel(seed: spec.seed)
        var dossiersOfPerson: [String: [(client: String, month: String, profile: BehaviourProfile)]] = [:]
        var dossiers = 0
        for client in PortfolioGenerator.clients(spec) {
            for handOver in PortfolioGenerator.handOvers(of: client, spec: spec, debtors: model) {
                var seen = Set<Substring>()
                for line in handOver.csv.split(separator: "\n").dropFirst() {
                    let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                    guard seen.insert(fields[1]).inserted else { continue }
                    dossiers += 1
                    let debtor = Debtor.id(client: Client.ID(client.reference), reference: String(fields[1]))
                    let person = "\(fields[3])|\(fields[6])|\(fields[8])"
                    dossiersOfPerson[person, default: []].append(
                        (client.reference, handOver.day.description, model.debtor(Dossier.id(debtor: debtor, ordinal: 1)).profile))
                }
            }
        }
        let shared = dossiersOfPerson.values.filter { $0.count > 1 }
        let share = Double(shared.map(\.count).reduce(0, +)) / Double(dossiers)
        // Persons of one dossier in a pool count as single; a chance name twin is rare.
        let expected = model.knobs.multiCreditorShare
        #expect((expected * 0.7...expected * 1.1).contains(share), "share \(share)")
        #expect(shared.allSatisfy { Set($0.map(\.month)).count == 1 && Set($0.map(\.profile)).count == 1 })
        #expect(shared.filter { Set($0.map(\.client)).count > 1 }.count > shared.count * 9 / 10)
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
