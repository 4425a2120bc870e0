import ArgumentParser
import Law
import Money

/// `adem calc capacity`: payment capacity above the protected income (beslagvrije voet).
struct CapacityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: "Payment capacity: net income minus protected income (beslagvrije voet) minus fixed costs.",
        discussion: "An arrangement never asks more than this; at zero or below, offer deferral and debt help."
    )

    @Option(name: .long, help: "Net monthly income.")
    var income: String

    @Option(name: .long, help: "single, couple, single-pension or couple-pension.")
    var household: String = "single"

    @Option(name: .long, help: "Housing-cost raise of the protected income (capped by the table).")
    var housing: String = "0.00"

    @Option(name: .customLong("fixed-costs"), help: "Monthly fixed costs the norm does not cover.")
    var fixedCosts: String = "0.00"

    @Option(name: .long, help: "The day of assessment (YYYY-MM-DD). Default: today.")
    var on: String?

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let kind: Household = try Arguments.choice(household, option: "--household")
        let day = try on.map { try Arguments.day($0, option: "--on") } ?? Day.todayUTC
        let netherlands = try JurisdictionChoice.loadNetherlands()
        let result: PaymentCapacity
        do {
            result = try PaymentCapacity.assess(
                netIncome: try Arguments.amount(income, option: "--income"), household: kind,
                housingCostsRaise: try Arguments.amount(housing, option: "--housing"),
                fixedCosts: try Arguments.amount(fixedCosts, option: "--fixed-costs"), on: day,
                table: netherlands.protectedIncome)
        } catch let error as PaymentCapacityError {
            throw ValidationError("--on: \(error.description)")
        }
        if result.norm.isUnconfirmed {
            printError("adem: warning: the protected-income figure of \(result.tableDay) is UNCONFIRMED")
        }
        let advice: String
        switch result.advice {
        case .plan(let maxInstalment): advice = "an arrangement of at most \(maxInstalment.dutchDisplay) a month"
        case .deferAndReferToDebtHelp: advice = "no room for a plan: defer and refer to debt help"
        }
        var table = KeyValueTable()
        table.add(
            "Protected income", "\(result.protectedIncome.dutchDisplay) (norm of \(result.tableDay), \(kind.rawValue))")
        table.add("Capacity", result.capacity.dutchDisplay)
        table.add("Advice", advice)
        let adviceKey: JSONOutput
        switch result.advice {
        case .plan: adviceKey = .string("plan")
        case .deferAndReferToDebtHelp: adviceKey = .string("deferAndReferToDebtHelp")
        }
        output.emit(
            json: .object([
                ("protectedIncome", .money(result.protectedIncome)), ("capacity", .money(result.capacity)),
                ("advice", adviceKey), ("normDay", .string(result.tableDay.description)),
                ("unconfirmed", .bool(result.norm.isUnconfirmed)),
            ]),
            table: table.rendered)
    }
}

/// `adem calc legal-costs`: what a lawsuit would cost, for the recovery investigation.
struct LegalCostsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "legal-costs",
        abstract: "Estimate the legal track's costs: court fee, bailiff, lawyer's tariff (kantonrechter).",
        discussion: "Used by the recovery investigation (verhaalsonderzoek) before any lawsuit."
    )

    @Option(name: .long, help: "The claim amount.")
    var claim: String

    @Option(name: .long, help: "company or person: who brings the claim (the court fee differs).")
    var claimant: String = "company"

    @Option(name: .long, help: "Points of the lawyer's tariff (liquidatietarief), 0-10.")
    var points: Int = 1

    @Option(name: .long, help: "The day of the estimate (YYYY-MM-DD). Default: today.")
    var on: String?

    @OptionGroup var output: OutputOptions

    /// Claimants by their command-line names.
    enum ClaimantChoice: String, CaseIterable {
        case company, person
    }

    func run() async throws {
        let amount = try Arguments.amount(claim, option: "--claim")
        let who: ClaimantChoice = try Arguments.choice(claimant, option: "--claimant")
        let day = try on.map { try Arguments.day($0, option: "--on") } ?? Day.todayUTC
        let netherlands = try JurisdictionChoice.loadNetherlands()
        let estimate: LegalCostEstimate
        do {
            estimate = try LegalCostEstimate.estimate(
                claim: amount, claimant: who == .company ? .company : .naturalPerson, on: day,
                tables: netherlands.legalCosts, lawyerPoints: points)
        } catch {
            throw ValidationError("--claim: \(error.description)")
        }
        if estimate.usesUnconfirmedFigures {
            printError("adem: warning: the estimate uses UNCONFIRMED tariff figures")
        }
        var table = TextTable("Item", "Amount", rightAligned: [1])
        for item in estimate.items { table.add(item.kind.rawValue, item.amount.dutchDisplay) }
        table.add("total", estimate.total.dutchDisplay)
        output.emit(
            json: .object(
                estimate.items.map { ($0.kind.rawValue, JSONOutput.money($0.amount)) } + [
                    ("total", .money(estimate.total)), ("unconfirmed", .bool(estimate.usesUnconfirmedFigures)),
                ]),
            table: table.rendered)
    }
}
