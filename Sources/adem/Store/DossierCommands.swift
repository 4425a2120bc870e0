import ArgumentParser
import Domain
import Engine
import Foundation
import Law
import Money
import Operations
import Store

/// `adem dossier show|respond|pay`: what an agent does with one dossier between daily runs.
struct DossierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier", abstract: "Show a dossier; record a debtor's response, a payment or a call.",
        subcommands: [Show.self, Respond.self, Pay.self, Call.self])

    /// Reads one dossier, or fails with exit 1 naming it.
    static func dossier(_ text: String, in store: any CaseStore) async throws -> Dossier {
        guard let dossier = try await store.dossier(Dossier.ID(text)) else {
            throw Shell.fail(
                "no dossier with id \(text) (ids look like CLIENT/DEBTOR#N; see adem debtor export)", code: 1)
        }
        return dossier
    }

    /// Prints the dossier's state, flags, balances, claims, the engine's progress, responses and journal.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a dossier: state, balances, claims, freezes, arrangement, responses and its journal.")
        @Argument(help: "The dossier id (e.g. ACME/D1#1).") var id: String
        @Option(help: "Journal events to list, the latest last (0 lists none).") var events: Int = 20
        @Flag(help: "Print everything held on the dossier as one JSON object.") var json = false
        @Option(help: "Who reads it, for the access log (default: the login name, $USER).") var by: String?
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard events >= 0 else { throw ValidationError("--events must not be negative") }
            try Shell.validateOperator(by)
        }

        func run() async throws {
            let id = self.id
            let read: (DebtorExport.DossierExport, Debtor?, CollectionProgress?)
            do {
                read = try await store.withStore { store in
                    let dossier = try await DossierCommand.dossier(id, in: store)
                    // Logged before anything personal is read: what cannot be logged is not shown.
                    try await store.recordAccess([
                        PersonalDataAccess(
                            accessedAt: Shell.now(), accessedBy: Shell.operator(by), debtorID: dossier.debtorID,
                            dossierID: dossier.id, action: "dossier show")
                    ])
                    let export = try await DebtorExport.export(of: dossier, from: store)
                    let debtor = try await store.debtors([dossier.debtorID])[dossier.debtorID]
                    let progress = try await (store as? any DailyRunStore)?.progress(of: [dossier.id])[dossier.id].map {
                        try CanonicalJSONDecoder().decode(CollectionProgress.self, from: $0)
                    }
                    return (export, debtor, progress)
                }
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
            let (export, debtor, progress) = read
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(export), as: UTF8.self))
                return
            }
            print(DossierView(export: export, debtor: debtor, progress: progress, events: events).rendered)
        }
    }

    /// Records what a debtor (or the client) said, for the engine to act on at the dossier's next step.
    struct Respond: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "respond",
            abstract: "Record a debtor's response; the daily run of its day acts on it.",
            discussion: """
                KIND is one of: \(ResponseKind.allCases.map(\.rawValue).joined(separator: ", ")).
                The response wakes the dossier on --day; run `adem run-day --day DAY` to let the engine act.
                """)
        @Argument(help: "The dossier id (e.g. ACME/D1#1).") var id: String
        @Argument(help: "What was said (see above).") var kind: String
        @Option(help: "The day it arrived (YYYY-MM-DD); default today (UTC).") var day: String?
        @Option(help: "dispute: the debtor's reason.") var reason: String?
        @Option(help: "dispute-resolved: true when the debtor was right (the claim is written off).") var upheld: Bool?
        @Option(help: "arrangement: net monthly income.") var income: String?
        @Option(help: "arrangement: single, couple, single-pension or couple-pension.") var household: String?
        @Option(name: .customLong("housing-raise"), help: "arrangement: housing-cost raise of the protected income.")
        var housingRaise: String?
        @Option(name: .customLong("fixed-costs"), help: "arrangement: monthly fixed costs the norm does not cover.")
        var fixedCosts: String?
        @Option(help: "arrangement: assets that could be attached, in all.") var assets: String?
        @Option(name: .customLong("other-debts"), help: "arrangement: other debts, in all.") var otherDebts: String?
        @Option(help: "deferral: days to defer the whole amount.") var days: Int?
        @Option(help: "counselling: the debt counsellor's name.") var counsellor: String?
        @Option(help: "counselling: true when the debtor consents to referring the dossier.") var consent: Bool?
        @Option(help: "vulnerable: what was noticed.") var note: String?
        @Option(name: .customLong("contact-allowed"), help: "vulnerability-reviewed: true resumes collection.")
        var contactAllowed: Bool?
        @Flag(help: "Print the outcome as JSON.") var json = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            _ = try response()
            _ = try Shell.day(day, option: "--day")
        }

        /// The response the options describe; every option the kind does not take is refused.
        func response() throws -> DebtorResponse.Kind {
            let choice: ResponseKind = try Arguments.choice(kind, option: "KIND")
            let given: [(String, Bool)] = [
                ("--reason", reason != nil), ("--upheld", upheld != nil), ("--income", income != nil),
                ("--household", household != nil), ("--housing-raise", housingRaise != nil),
                ("--fixed-costs", fixedCosts != nil), ("--assets", assets != nil), ("--other-debts", otherDebts != nil),
                ("--days", days != nil), ("--counsellor", counsellor != nil), ("--consent", consent != nil),
                ("--note", note != nil), ("--contact-allowed", contactAllowed != nil),
            ]
            let unexpected = given.filter { $0.1 && !choice.options.contains($0.0) }.map(\.0)
            guard unexpected.isEmpty else {
                throw ValidationError("\(unexpected.joined(separator: ", ")) does not go with \(choice.rawValue)")
            }
            func required<Value>(_ value: Value?, _ option: String) throws -> Value {
                guard let value else { throw ValidationError("\(choice.rawValue) needs \(option)") }
                return value
            }
            func text(_ value: String?, _ option: String) throws -> String {
                let trimmed = try required(value, option).trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { throw ValidationError("\(option) must not be empty") }
                return trimmed
            }
            func amount(_ value: String?, _ option: String) throws -> Money {
                try value.map { try Arguments.amount($0, option: option) } ?? .zero
            }
            switch choice {
            case .replied: return .replied
            case .dispute: return .disputeOpened(reason: try text(reason, "--reason"))
            case .disputeResolved: return .disputeResolved(upheld: try required(upheld, "--upheld"))
            case .help: return .helpRequested
            case .arrangement:
                let income = try Arguments.amount(try required(self.income, "--income"), option: "--income")
                let household: Household = try Arguments.choice(
                    try required(self.household, "--household"), option: "--household")
                return .arrangementRequested(
                    DebtorCircumstances(
                        netIncome: income, household: household,
                        housingCostsRaise: try amount(housingRaise, "--housing-raise"),
                        fixedCosts: try amount(fixedCosts, "--fixed-costs"), assets: try amount(assets, "--assets"),
                        otherDebts: try amount(otherDebts, "--other-debts")))
            case .deferral:
                let days = try required(self.days, "--days")
                guard (1...Self.deferralDaysMax).contains(days) else {
                    throw ValidationError("--days must be 1 to \(Self.deferralDaysMax)")
                }
                return .deferralRequested(days: days)
            case .counselling:
                return .debtCounsellingStarted(
                    counsellor: try text(counsellor, "--counsellor"), consent: try required(consent, "--consent"))
            case .counsellingEnded: return .debtCounsellingEnded
            case .vulnerable: return .vulnerabilitySignalled(note: try text(note, "--note"))
            case .vulnerabilityReviewed:
                return .vulnerabilityReviewed(contactAllowed: try required(contactAllowed, "--contact-allowed"))
            case .withdrawn: return .withdrawnByClient
            case .settled: return .settled
            }
        }

        /// The longest deferral an agent may record at once (a year).
        static let deferralDaysMax = 366

        func run() async throws {
            let response = try self.response()
            let day = try Shell.day(day, option: "--day") ?? Shell.today()
            let id = self.id
            let encoded = try CanonicalJSONEncoder().encode(response)
            let sequence: Int64
            do {
                sequence = try await store.withStore { store in
                    let intake = try Shell.intakeStore(store)
                    return try await intake.transaction { transaction in
                        let store = try Shell.intakeStore(transaction)
                        let dossier = try await DossierCommand.dossier(id, in: store)
                        if let closure = dossier.closure {
                            throw Shell.fail(
                                "dossier \(id) closed on \(closure.day) (\(closure.reason.rawValue)); "
                                    + "a response is not acted on there, so none was recorded", code: 1)
                        }
                        return try await store.recordResponse(dossierID: dossier.id, day: day, response: encoded)
                    }
                }
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
            if json {
                print(
                    JSONOutput.object([
                        ("dossier", .string(id)), ("sequence", .number(Int(sequence))),
                        ("day", .string(day.description)),
                        ("kind", .string(kind)),
                    ]).rendered)
            } else {
                print(
                    "Recorded response \(sequence) (\(kind)) on \(id) for \(day); the daily run of that day acts on it."
                )
            }
        }
    }

    /// Books a payment received for a dossier (as a bank statement line would), once per reference.
    struct Pay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pay",
            abstract: "Book a payment received for a dossier; the same reference books once.",
            discussion: "The dossier is due on the payment's day; its daily run allocates the money (art. 6:44 BW).")
        @Argument(help: "The dossier id (e.g. ACME/D1#1).") var id: String
        @Option(help: "The amount received (1234.56 or 1.234,56).") var amount: String
        @Option(help: "The payer's or bank's reference, unique per dossier.") var reference: String
        @Option(help: "The day the money arrived (YYYY-MM-DD); default today (UTC).") var day: String?
        @Flag(help: "Print the outcome as JSON.") var json = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard try Arguments.amount(amount, option: "--amount").isPositive else {
                throw ValidationError("--amount must be more than 0.00")
            }
            guard !reference.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ValidationError("--reference must not be empty")
            }
            _ = try Shell.day(day, option: "--day")
        }

        func run() async throws {
            let payment = ReceivedPayment(
                dossierID: Dossier.ID(id), day: try Shell.day(day, option: "--day") ?? Shell.today(),
                amount: try Arguments.amount(amount, option: "--amount"),
                reference: reference.trimmingCharacters(in: .whitespacesAndNewlines))
            let (outcome, dossier, outstanding): (PaymentIntakeOutcome, Dossier?, Money)
            do {
                (outcome, dossier, outstanding) = try await store.withStore { store in
                    let intake = try Shell.intakeStore(store)
                    let outcome = try await PaymentIntake(store: intake, recordedAt: Shell.now()).record(payment)
                    let dossier = try await store.dossier(payment.dossierID)
                    let balances = try await intake.balances(of: [payment.dossierID])[payment.dossierID]
                    return (outcome, dossier, balances?.outstanding ?? .zero)
                }
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
            guard let dossier, outcome != .unknownDossier else {
                throw Shell.fail("no dossier with id \(id); nothing was booked", code: 1)
            }
            let word = outcome == .booked ? "booked" : "alreadyBooked"
            if json {
                print(
                    JSONOutput.object([
                        ("dossier", .string(id)), ("outcome", .string(word)),
                        ("amount", .string(payment.amount.description)),
                        ("outstanding", .string(outstanding.description)),
                    ]).rendered)
                return
            }
            switch outcome {
            case .booked:
                print(
                    "Booked \(payment.amount.dutchDisplay) on \(id) for \(payment.day) "
                        + "(reference \(payment.reference)); outstanding now \(outstanding.dutchDisplay).")
            default:
                print("Payment \(payment.reference) on \(id) was booked before; nothing changed.")
            }
            if dossier.closure != nil, outcome == .booked {
                printError(
                    "adem: warning: dossier \(id) is closed; the payment is booked but no step allocates it "
                        + "(refund it or book it to the debtor's open dossier)")
            }
        }
    }
}

extension DossierCommand {
    /// Journals a call the debtor made to the agency (the social report's inbound calls).
    struct Call: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "call",
            abstract: "Record an inbound call: the debtor called the agency about the dossier.",
            discussion: """
                Journals callMade (inbound) for the report. What the debtor asked for in the call is a \
                response of its own (adem dossier respond). Outbound calls come from the agents' call list \
                through adem outbox report.
                """)
        @Argument(help: "The dossier id (e.g. ACME/D1#1).") var id: String
        @Option(help: "The day of the call (YYYY-MM-DD); default today (UTC).") var day: String?
        @OptionGroup var store: StoreOptions

        func validate() throws { _ = try Shell.day(day, option: "--day") }

        func run() async throws {
            let day = try Shell.day(day, option: "--day") ?? Shell.today()
            let id = self.id
            do {
                try await store.withStore { store in
                    try await store.transaction { store in
                        let dossier = try await DossierCommand.dossier(id, in: store)
                        try await store.appendJournal(
                            [JournalEvent.callMade(dossier.id, on: day, client: dossier.clientID, direction: .inbound)],
                            recordedAt: Shell.now())
                    }
                }
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
            print("Recorded an inbound call on \(id) for \(day).")
        }
    }
}

/// The responses an agent records, as the command line names them.
enum ResponseKind: String, CaseIterable {
    case replied, dispute
    case disputeResolved = "dispute-resolved"
    case help, arrangement, deferral, counselling
    case counsellingEnded = "counselling-ended"
    case vulnerable
    case vulnerabilityReviewed = "vulnerability-reviewed"
    case withdrawn, settled

    /// The options this kind takes.
    var options: Set<String> {
        switch self {
        case .dispute: ["--reason"]
        case .disputeResolved: ["--upheld"]
        case .arrangement: ["--income", "--household", "--housing-raise", "--fixed-costs", "--assets", "--other-debts"]
        case .deferral: ["--days"]
        case .counselling: ["--counsellor", "--consent"]
        case .vulnerable: ["--note"]
        case .vulnerabilityReviewed: ["--contact-allowed"]
        case .replied, .help, .counsellingEnded, .withdrawn, .settled: []
        }
    }
}

/// A dossier for a person to read: who, what is owed, where the engine stands, and what happened.
struct DossierView {
    let export: DebtorExport.DossierExport
    let debtor: Debtor?
    let progress: CollectionProgress?
    let events: Int

    var rendered: String {
        let dossier = export.dossier
        let balances = LedgerBalances(export.ledger)
        var head = KeyValueTable()
        head.add("Dossier", "\(dossier.id.rawValue) (client \(dossier.clientID.rawValue), opened \(dossier.openedDay))")
        if let debtor {
            let profile = debtor.profile
            head.add(
                "Debtor",
                "\(profile.name), \(profile.address.postcode) \(profile.address.city) (\(debtor.kind.rawValue))")
        }
        var state = dossier.state.rawValue
        if let closure = dossier.closure { state += " (\(closure.reason.rawValue) on \(closure.day))" }
        head.add("State", state)
        head.add("Flags", Self.flagNames(dossier.flags).joined(separator: ", ").ifEmpty("none"))
        head.add("Next step", dossier.nextActionDay?.description ?? "none")
        // Principal, interest and costs are credited when charged, payments debited when received.
        head.add("Principal", (-balances[.principal]).dutchDisplay)
        head.add("Interest charged", (-balances[.interest]).dutchDisplay)
        head.add("Costs charged", (-balances[.costs]).dutchDisplay)
        head.add("Paid", balances[.paymentsReceived].dutchDisplay)
        if balances[.writeOff] != .zero { head.add("Written off", balances[.writeOff].dutchDisplay) }
        head.add("Outstanding", balances.outstanding.dutchDisplay)
        if let progress, dossier.closure == nil { Self.add(progress, to: &head) }
        var parts = [head.rendered]
        var claims = TextTable("Invoice", "Invoice day", "Due day", "Principal", rightAligned: [3])
        for claim in export.claims {
            claims.add(
                claim.invoiceNumber, claim.invoiceDay.description, claim.dueDay.description,
                claim.principal.dutchDisplay)
        }
        parts.append(claims.rendered)
        if !export.responses.isEmpty {
            var responses = TextTable("#", "Day", "Response")
            for response in export.responses {
                responses.add(String(response.sequence), response.day.description, Self.describe(response.response))
            }
            parts.append(responses.rendered)
        }
        if events > 0 {
            var journal = TextTable("Day", "Event", "Details")
            let shown = export.journal.suffix(events)
            for event in shown {
                let details = event.payload.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                journal.add(event.day.description, event.type.rawValue, details.joined(separator: " "))
            }
            var block = journal.rendered
            if export.journal.count > shown.count {
                block = "(\(export.journal.count - shown.count) earlier events; --events N shows more)\n" + block
            }
            parts.append(block)
        }
        return parts.joined(separator: "\n\n")
    }

    /// The engine's progress worth a person's eye: the letter, the freeze, the plan, the deferral.
    static func add(_ progress: CollectionProgress, to table: inout KeyValueTable) {
        if let letter = progress.reminderLetter {
            table.add("14-day letter", "sent \(letter.sentDay), costs due from \(letter.costsDueFrom)")
        }
        if let freeze = progress.openFreeze {
            table.add("Interest frozen", "\(freeze.kind.rawValue) since \(freeze.from)")
        }
        if let plan = progress.arrangement {
            let terms = plan.terms
            table.add(
                "Arrangement",
                "\(terms.months) x \(terms.monthlyInstalment.dutchDisplay) from \(terms.firstDueDay), "
                    + "agreed \(plan.agreedDay)")
        }
        if let until = progress.deferredUntil { table.add("Deferred until", until.description) }
        if let until = progress.contactPausedUntil { table.add("Contact paused until", until.description) }
        if let screening = progress.screening { table.add("Screening", screening.reason) }
    }

    static func flagNames(_ flags: DossierFlags) -> [String] {
        let names: [(DossierFlags, String)] = [
            (.disputed, "disputed"), (.frozen, "frozen"), (.vulnerable, "vulnerable"),
            (.inDebtCounselling, "in debt counselling"), (.abroad, "abroad"), (.prescribed, "prescribed"),
            (.legalRouteClosed, "legal route closed"), (.vulnerabilityReviewed, "vulnerability reviewed"),
        ]
        return names.filter { flags.contains($0.0) }.map(\.1)
    }

    static func describe(_ kind: DebtorResponse.Kind) -> String {
        switch kind {
        case .replied: return "replied"
        case .disputeOpened(let reason): return "dispute: \(reason)"
        case .disputeResolved(let upheld): return "dispute resolved (\(upheld ? "upheld" : "rejected"))"
        case .helpRequested: return "asked for help"
        case .arrangementRequested(let circumstances):
            let income = circumstances.netIncome.dutchDisplay
            return "asked for an arrangement (income \(income), \(circumstances.household.rawValue))"
        case .deferralRequested(let days): return "asked to defer \(days) days"
        case .debtCounsellingStarted(let counsellor, let consent):
            return "in debt counselling with \(counsellor) (\(consent ? "consents to referral" : "no consent"))"
        case .debtCounsellingEnded: return "debt counselling ended"
        case .vulnerabilitySignalled(let note): return "vulnerable: \(note)"
        case .vulnerabilityReviewed(let allowed):
            return "vulnerability reviewed (contact \(allowed ? "allowed" : "refused"))"
        case .withdrawnByClient: return "withdrawn by the client"
        case .settled: return "settled"
        }
    }
}

extension String {
    /// This text, or `fallback` when it is empty.
    fileprivate func ifEmpty(_ fallback: String) -> String { isEmpty ? fallback : self }
}
