import ArgumentParser
import Domain
import Engine
import Money
import Operations
import Store

/// `adem outbox list`: the messages the daily run planned for a day, for the channels to send.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "The messages planned for the channels, and what became of them.",
        subcommands: [List.self, Report.self])

    /// Records what the channels reported about a day's messages (docs/agent-commands.md).
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Record the channels' outcomes for a day's messages: delivered, failed, answered, unanswered.",
            discussion: """
                FILE is CSV (header message,outcome,reason) or a JSON array of objects with those keys. \
                Letters, e-mail, SMS and portal messages are delivered or failed (with a reason); calls are \
                answered or unanswered. Bad lines are listed; the valid ones are recorded in one transaction, \
                once (the same report again records nothing). Exit 0, 1 when lines were refused, 2 when the \
                file could not be read.
                """)
        @Argument(help: "The channels' report (CSV or JSON).") var file: String
        @Option(help: "The day the messages were planned for (YYYY-MM-DD); default today (UTC).") var day: String?
        @Flag(help: "Print {\"recorded\", \"alreadyRecorded\", \"rejected\", \"errors\"} as JSON.") var json = false
        @OptionGroup var store: StoreOptions

        func validate() throws { _ = try Shell.day(day, option: "--day") }

        func run() async throws {
            let day = try Shell.day(day, option: "--day") ?? Shell.today()
            let summary: OutboxDispatch.ReportSummary
            do {
                var reader = try ClaimFileReader(source: try FileByteSource(path: file))
                summary = try await store.withStore { store in
                    let intake = try Shell.intakeStore(store)
                    let dispatch = OutboxDispatch(store: intake, day: day, recordedAt: Shell.now())
                    return try await dispatch.recordReport(from: &reader)
                }
            } catch let failure as ImportFailure {
                if json { print(Self.json(recorded: 0, alreadyRecorded: 0, errors: [ImportIssue.file(failure).json])) }
                throw Shell.fail("\(file): \(failure.description)")
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
            if json {
                print(
                    Self.json(
                        recorded: summary.recorded, alreadyRecorded: summary.alreadyRecorded,
                        errors: summary.issues.map(\.json)))
            } else {
                print(
                    "Recorded \(summary.recorded) outcome(s) for the messages of \(day) from \(file); "
                        + "\(summary.alreadyRecorded) recorded before, \(summary.rejected) rejected.")
                for issue in summary.issues { print("line \(issue.line), \(issue.column): \(issue.reason)") }
            }
            if summary.rejected > 0 { throw ExitCode(1) }
        }

        static func json(recorded: Int, alreadyRecorded: Int, errors: [JSONOutput]) -> String {
            JSONOutput.object([
                ("recorded", .number(recorded)), ("alreadyRecorded", .number(alreadyRecorded)),
                ("rejected", .number(errors.count)), ("errors", .array(errors)),
            ]).rendered
        }
    }

    /// Lists a day's planned messages in outbox id order (a dossier's messages together).
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the messages planned for a day: letters for the print house, e-mails, SMS and calls.")
        @Option(help: "The planned day (YYYY-MM-DD); default today (UTC).") var day: String?
        @Option(help: "Only this channel: \(Channel.allCases.map(\.rawValue).joined(separator: ", ")).")
        var channel: String?
        @Flag(help: "Print {\"day\": ..., \"messages\": [...]}, each message as the engine planned it.") var json =
            false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            _ = try Shell.day(day, option: "--day")
            if let channel { let _: Channel = try Arguments.choice(channel, option: "--channel") }
        }

        func run() async throws {
            let day = try Shell.day(day, option: "--day") ?? Shell.today()
            let only: Channel? = try channel.map { try Arguments.choice($0, option: "--channel") }
            let rows: [OutboxRow]
            do {
                rows = try await store.withStore { store in
                    let intake = try Shell.intakeStore(store)
                    var rows: [OutboxRow] = []
                    try await OutboxDispatch.forEachPage(plannedOn: day, in: intake) { page in
                        rows += page.filter { only == nil || $0.channel == only }
                    }
                    return rows
                }
            } catch let error as StoreError {
                throw Shell.fail(error.description)
            }
            if json {
                // Each message is stored as the engine's canonical JSON, so it is printed as it is.
                print(
                    "{\"day\": \(JSONOutput.string(day.description).rendered), \"messages\": ["
                        + rows.map(\.message)
                        .joined(separator: ", ") + "]}")
                return
            }
            let decoder = CanonicalJSONDecoder()
            var table = TextTable("Message", "Channel", "Template", "Deadline", "In client's name")
            for row in rows {
                let message = try decoder.decode(OutboxMessage.self, from: row.message)
                table.add(
                    message.id, message.channel.rawValue, message.template, message.deadline?.description ?? "",
                    message.inClientName ? "yes" : "no")
            }
            print("\(rows.count) message(s) planned for \(day)" + (only.map { " by \($0.rawValue)" } ?? "") + ".")
            if !rows.isEmpty { print(table.rendered) }
        }
    }
}
