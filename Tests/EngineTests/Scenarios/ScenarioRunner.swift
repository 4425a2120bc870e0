import Domain
import Engine
import Law
import LawData
import Money
import Testing

/// Runs a scenario day by day through DailyPlanner, the way Operations would: payments and
/// responses of the day are recorded first, then every due dossier is stepped and the result applied.
struct ScenarioRunner {
    let scenario: Scenario
    let context: EngineContext
    var dossier: Dossier
    var debtor: Debtor
    var client: Client
    let claims: [Claim]
    var transactions: [LedgerTransaction]
    var progress = CollectionProgress()
    var history: [ContactRecord] = []
    var responses: [DebtorResponse] = []
    var journal: [JournalEvent] = []
    var outbox: [OutboxMessage] = []
    var sequence: Int64 = 0

    static let law: Netherlands = try! LawData.netherlands()

    init(_ scenario: Scenario) {
        self.scenario = scenario
        var strategies: [Strategy] = []
        if let text = scenario.strategyText { strategies.append(try! StrategyParser.parse(text)) }
        let catalog = StrategyCatalog(strategies)
        context = EngineContext(
            law: ScenarioRunner.law, strategies: catalog,
            partnerOffices: try! PartnerOfficeTable(parsing: "BE;Partner Brussel;dossiers@partner.example.be"))
        let clientID = Client.ID("ACME")
        client = Client(id: clientID, name: "Acme", mandate: scenario.mandate,
                        strategy: StrategyReference(name: strategies.first?.name ?? "standard"))
        let profile = DebtorProfile(
            name: "J. Jansen", address: PostalAddress(street: "Dorpsstraat", houseNumber: "1", postcode: "1234 AB", city: "Ergens",
                                                     country: scenario.country),
            email: scenario.email, phone: scenario.phone)
        debtor = Debtor(clientID: clientID, reference: "D1", kind: scenario.kind, profile: profile)
        dossier = Dossier(id: Dossier.id(debtor: debtor.id, ordinal: 1), clientID: clientID, debtorID: debtor.id,
                          openedDay: scenario.openDay, flags: scenario.flags)
        let dossierID = dossier.id
        claims = scenario.claims.map {
            Claim(clientID: clientID, dossierID: dossierID, invoiceNumber: $0.invoice,
                  invoiceDay: $0.due.adding(days: -14), dueDay: $0.due, principal: $0.amount, description: "invoice")
        }
        transactions = claims.map { LedgerTransaction.claimHandedOver($0, on: scenario.openDay) }
    }

    /// The runner of the fixture `text`, after running every day of it.
    static func ran(_ text: String) -> ScenarioRunner {
        var runner = ScenarioRunner(Scenario(text))
        runner.run()
        return runner
    }

    var balances: LedgerBalances { LedgerBalances(transactions) }

    var snapshot: DossierSnapshot {
        DossierSnapshot(dossier: dossier, debtor: debtor, client: client, claims: claims, balances: balances, progress: progress,
                        contactHistory: history, responses: responses)
    }

    /// Runs every day of the scenario.
    mutating func run() {
        var day = scenario.openDay
        while day <= scenario.untilDay {
            for entry in scenario.calendar[day] ?? [] { apply(entry, on: day) }
            let first = DailyPlanner.step(snapshot, on: day, context: context)
            let second = DailyPlanner.step(snapshot, on: day, context: context)
            #expect(first.events == second.events && first.dossier == second.dossier && first.progress == second.progress,
                    "stepping the same snapshot twice on \(day) gives the same result")
            if first.changed { commit(first) }
            #expect(!DailyPlanner.step(snapshot, on: day, context: context).changed, "a second step on \(day) changes nothing")
            day = day.adding(days: 1)
        }
    }

    mutating func commit(_ step: DossierStep) {
        dossier = step.dossier
        progress = step.progress
        journal += step.events
        transactions += step.transactions
        outbox += step.outbox
        history += step.outbox.map(\.contact)
    }

    mutating func apply(_ entry: String, on day: Day) {
        let words = Scenario.words(entry)
        let fields = Scenario.fields(words.dropFirst())
        func respond(_ kind: DebtorResponse.Kind) {
            sequence += 1
            responses.append(DebtorResponse(sequence: sequence, day: day, kind: kind))
            if dossier.nextActionDay.map({ $0 > day }) ?? true { dossier.nextActionDay = day }
        }
        switch words[0] {
        case "pay":
            let amount = words[1] == "all" ? balances.outstanding : try! Money(parsing: words[1])
            transactions.append(LedgerTransaction(
                id: LedgerTransaction.ID("payment:\(day):\(transactions.count)"), dossierID: dossier.id, day: day, memo: "payment",
                postings: [Posting(.paymentsReceived, amount), Posting(.debtorReceivable, -amount)]))
            if dossier.nextActionDay.map({ $0 > day }) ?? true, dossier.state != .closed { dossier.nextActionDay = day }
        case "dispute": respond(.disputeOpened(reason: words.count > 1 ? words[1] : "disputed"))
        case "dispute-resolved": respond(.disputeResolved(upheld: words[1] == "upheld"))
        case "help": respond(.helpRequested)
        case "replied": respond(.replied)
        case "arrangement":
            respond(.arrangementRequested(DebtorCircumstances(
                netIncome: try! Money(parsing: fields["income"]!), household: Household(rawValue: fields["household"] ?? "single")!,
                fixedCosts: try! Money(parsing: fields["fixed"] ?? "0"))))
        case "deferral": respond(.deferralRequested(days: Int(words[1])!))
        case "counselling": respond(.debtCounsellingStarted(counsellor: words[1], consent: words.count < 3 || words[2] != "no-consent"))
        case "counselling-ended": respond(.debtCounsellingEnded)
        case "vulnerable": respond(.vulnerabilitySignalled(note: words.count > 1 ? words[1] : "signs"))
        case "reviewed": respond(.vulnerabilityReviewed(contactAllowed: words[1] == "allowed"))
        case "withdrawn": respond(.withdrawnByClient)
        case "mandate": client.mandate.waivesStatutoryInterest = fields["interest"] == "waived"
        case "moves":
            // moves COUNTRY: the debtor's new address is abroad (the client passes it on; the dossier wakes).
            debtor.profile.address.country = CountryCode(words[1])!
            if dossier.nextActionDay.map({ $0 > day }) ?? true { dossier.nextActionDay = day }
        default: preconditionFailure("unknown calendar entry \(entry)")
        }
    }

    /// The journal as text, one event a line: `DAY TYPE key=value ...` (keys sorted).
    var journalText: String {
        journal.map { event in
            ([event.day.description, event.type.rawValue]
                + event.payload.fields.keys.sorted().map { "\($0)=\(event.payload.fields[$0]!)" }).joined(separator: " ")
        }.joined(separator: "\n")
    }

    static func matches(_ event: JournalEvent, _ expectation: Scenario.Expectation) -> Bool {
        (expectation.day.map { $0 == event.day } ?? true) && event.type.rawValue == expectation.type
            && expectation.fields.allSatisfy { key, value in event.payload[key] == value }
    }

    /// Checks the expected journal (in order, as a subsequence), the forbidden events and the final state.
    func verify(sourceLocation: SourceLocation = #_sourceLocation) {
        var position = journal.startIndex
        for expectation in scenario.expected {
            guard let found = journal[position...].firstIndex(where: { Self.matches($0, expectation) }) else {
                Issue.record("\(scenario.name): expected line \(expectation.line) (\(expectation.day!) \(expectation.type) \(expectation.fields)) not found in order; journal:\n\(journalText)",
                             sourceLocation: sourceLocation)
                return
            }
            position = found + 1
        }
        for expectation in scenario.never where journal.contains(where: { Self.matches($0, expectation) }) {
            Issue.record("\(scenario.name): line \(expectation.line) forbids \(expectation.type) \(expectation.fields); journal:\n\(journalText)",
                         sourceLocation: sourceLocation)
        }
        for (key, value) in scenario.final {
            let actual: String
            switch key {
            case "state": actual = dossier.state.rawValue
            case "reason": actual = dossier.closure?.reason.rawValue ?? "-"
            case "costs": actual = (-balances[.costs]).description
            case "outstanding": actual = balances.outstanding.description
            case "flags": actual = String(dossier.flags.rawValue)
            default: actual = "unknown key \(key)"
            }
            #expect(actual == value, "\(scenario.name): final \(key)", sourceLocation: sourceLocation)
        }
    }
}
