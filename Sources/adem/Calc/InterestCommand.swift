import ArgumentParser
import Law
import Money

/// `adem calc interest`: Dutch statutory interest with its sub-periods.
struct InterestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interest",
        abstract: "Statutory interest (art. 6:119 / 6:119a BW) with yearly capitalisation and sub-periods.",
        discussion: """
            --from is the first day of interest and --through the last; both count. Each sub-period is \
            base x rate x days / 365, half-up to cents; each year's interest joins the base on the anniversary.
            """
    )

    @Option(name: .long, help: "consumer (6:119) or commercial (6:119a).")
    var kind: String

    @Option(name: .long, help: "The principal, e.g. 1000.00.")
    var principal: String

    @Option(name: .long, help: "First day of interest (YYYY-MM-DD).")
    var from: String

    @Option(name: .long, help: "Last day of interest, inclusive (YYYY-MM-DD).")
    var through: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let interestKind: InterestKind = try Arguments.choice(kind, option: "--kind")
        let amount = try Arguments.amount(principal, option: "--principal")
        let first = try Arguments.day(from, option: "--from")
        let last = try Arguments.day(through, option: "--through")
        let law = try JurisdictionChoice.nl.load()
        let result: InterestCalculation
        do {
            result = try law.statutoryInterest(kind: interestKind, principal: amount, from: first, through: last)
        } catch {
            throw ValidationError("--from/--through: \(error.description)")
        }
        if result.usesUnconfirmedRates {
            printError("adem: warning: a rate used has a single source (UNCONFIRMED in statutory-interest-nl.csv)")
        }
        let periods = result.periods.map { period in
            JSONOutput.object([
                ("from", .string(period.from.description)), ("through", .string(period.through.description)),
                ("days", .number(period.days)), ("ratePercent", .string(period.rate.percentText)),
                ("base", .string(period.base.description)), ("interest", .string(period.interest.description)),
            ])
        }
        output.emit(
            json: .object([
                ("interest", .string(result.interest.description)), ("total", .string(result.total.description)),
                ("periods", .array(periods)), ("unconfirmedRates", .bool(result.usesUnconfirmedRates)),
            ]),
            table: table(result, kind: interestKind))
    }

    private func table(_ result: InterestCalculation, kind: InterestKind) -> String {
        var table = TextTable("From", "Through", "Days", "Rate %", "Base", "Interest", rightAligned: [2, 3, 4, 5])
        for period in result.periods {
            table.add(
                period.from.description, period.through.description, String(period.days),
                period.rate.percentText + (period.unconfirmedRate ? "*" : ""), period.base.dutchDisplay,
                period.interest.dutchDisplay)
        }
        var summary = KeyValueTable()
        summary.add("Interest", result.interest.dutchDisplay)
        summary.add("Total", result.total.dutchDisplay)
        let heading = "Statutory interest, \(kind == .consumer ? "consumer (6:119 BW)" : "commercial (6:119a BW)")"
        let note = result.usesUnconfirmedRates ? "\n* rate with a single source (UNCONFIRMED)" : ""
        return heading + "\n\n" + table.rendered + "\n\n" + summary.rendered + note
    }
}
