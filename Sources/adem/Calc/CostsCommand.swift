import ArgumentParser
import Law
import Money

/// `adem calc costs`: extrajudicial collection costs over the invoices of one creditor to one debtor.
struct CostsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costs",
        abstract: "Collection costs (BIK staffel; Belgian flat-damage cap) over one or more invoices.",
        discussion: """
            Several --principal values are invoices of one creditor to one debtor: the fee is computed \
            once over their sum (art. 6:96 lid 7 BW). Interest never counts towards the base.
            """
    )

    @Option(name: .long, help: "The principal of an invoice; repeat for several invoices.")
    var principal: [String] = []

    @Flag(name: .long, help: "Add 21% VAT (only when the creditor cannot deduct VAT).")
    var vat = false

    @Option(name: .long, help: "nl or be.")
    var jurisdiction: String = "nl"

    @Option(name: .long, help: "consumer or business.")
    var debtor: String = "consumer"

    @Option(
        name: .long, help: "The day the costs are charged (YYYY-MM-DD); selects the rules in force. Default: today.")
    var on: String?

    @OptionGroup var output: OutputOptions

    func run() async throws {
        guard !principal.isEmpty else { throw ValidationError("--principal: at least one amount is required") }
        let principals = try principal.map { try Arguments.amount($0, option: "--principal") }
        let choice: JurisdictionChoice = try Arguments.choice(jurisdiction, option: "--jurisdiction")
        let debtorKind: DebtorKind = try Arguments.choice(debtor, option: "--debtor")
        let day = try on.map { try Arguments.day($0, option: "--on") } ?? Day.todayUTC
        let law = try choice.load()
        let result: CollectionCosts
        do {
            result = try law.collectionCosts(principals: principals, debtor: debtorKind, addVAT: vat, on: day)
        } catch {
            throw ValidationError("--jurisdiction \(choice.rawValue): \(error.description)")
        }
        output.emit(
            json: .object([
                ("principal", .string(result.principal.description)), ("costs", .string(result.costs.description)),
                ("vat", .string(result.vat.description)), ("total", .string(result.total.description)),
            ]),
            table: table(result, law: law, debtorKind: debtorKind, invoices: principals.count))
    }

    private func table(_ result: CollectionCosts, law: any Jurisdiction, debtorKind: DebtorKind, invoices: Int)
        -> String
    {
        var table = KeyValueTable()
        table.add(
            "Collection costs", "\(law.name), \(debtorKind.rawValue), \(invoices) invoice\(invoices == 1 ? "" : "s")")
        table.add("Principal", result.principal.dutchDisplay)
        table.add("Costs", result.costs.dutchDisplay + (result.limitApplied.map { " (\($0.rawValue))" } ?? ""))
        table.add("VAT", result.vat.dutchDisplay)
        table.add("Total", result.total.dutchDisplay)
        if law.code == "nl" {
            table.add(
                "Due",
                debtorKind == .consumer
                    ? "after the 14-day letter's term has passed (art. 6:96 lid 6 BW)"
                    : "from the day after the payment term (minimum without reminder)")
        }
        return table.rendered
    }
}
