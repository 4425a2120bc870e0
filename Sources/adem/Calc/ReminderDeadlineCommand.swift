import ArgumentParser
import Law
import Money

/// `adem calc reminder-deadline`: the 14-day letter's delivery, term and first day costs are due.
struct ReminderDeadlineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminder-deadline",
        abstract: "The 14-day letter (art. 6:96 lid 6 BW): delivery, term and the first day costs are due.",
        discussion: """
            Without --delivered, postal delivery is assumed on the second day after posting, where Sundays, \
            Mondays and holidays of the Algemene termijnenwet count neither as the day between nor as the \
            delivery day. A term ending on a Saturday, Sunday or holiday runs on to the next day that is none.
            """
    )

    @Option(name: .long, help: "The day the letter was posted (YYYY-MM-DD).")
    var posted: String

    @Option(name: .long, help: "The day it was actually delivered, when known (YYYY-MM-DD).")
    var delivered: String?

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let postedDay = try Arguments.day(posted, option: "--posted")
        let deliveredDay = try delivered.map { try Arguments.day($0, option: "--delivered") }
        let netherlands = try JurisdictionChoice.loadNetherlands()
        let term: ReminderTerm
        do {
            term = try netherlands.reminderTerm(posted: postedDay, delivered: deliveredDay)
        } catch {
            throw ValidationError("--delivered: \(error.description)")
        }
        var table = KeyValueTable()
        table.add("Posted", "\(term.posted) (\(term.posted.weekday.rawValue))")
        table.add(
            "Delivered",
            "\(term.delivered) (\(term.delivered.weekday.rawValue))\(term.deliveredAssumed ? ", assumed" : "")")
        table.add("Term", "\(term.termStart) through \(term.termEnd) (\(term.termEnd.weekday.rawValue))")
        table.add("Costs due from", "\(term.costsDueFrom) (\(term.costsDueFrom.weekday.rawValue))")
        output.emit(
            json: .object([
                ("delivered", .string(term.delivered.description)), ("termStart", .string(term.termStart.description)),
                ("termEnd", .string(term.termEnd.description)),
                ("costsDueFrom", .string(term.costsDueFrom.description)),
            ]),
            table: table.rendered)
    }
}
