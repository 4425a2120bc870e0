import Foundation
import Testing

/// An agent's commands through the real binary: a dossier shown, a dispute recorded and acted on by
/// the daily run, a payment booked once whatever the repeats, a closed dossier refusing a response,
/// and the day's outbox listed, on SQLite and on PostgreSQL.
@Suite(.serialized) struct DossierCommandTests {
    typealias Location = RunDayCommandTests.Location

    /// One consumer claim of EUR 250.00, due long before the hand-over.
    static let claims = """
        invoice_number,debtor_ref,debtor_type,name,street,postcode,city,country,invoice_date,due_date,amount,email
        F-1,D-1,consumer,Jan Jansen,Dorpsstraat 1,1234 AB,Utrecht,NL,2026-01-05,2026-01-19,250.00,jan@example.nl

        """
    static let dossier = "ACME/D-1#1"

    func adem(_ arguments: [String], _ location: Location, in folder: URL) throws
        -> (stdout: String, stderr: String, status: Int32)
    {
        try AdemBinary.run(arguments + location.arguments, workingDirectory: folder)
    }

    /// The dossier as `dossier show --json` prints it.
    func shown(_ location: Location, in folder: URL) throws -> [String: Any] {
        let result = try adem(["dossier", "show", Self.dossier, "--json"], location, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    func state(_ shown: [String: Any]) -> String? { (shown["dossier"] as? [String: Any])?["state"] as? String }

    func eventTypes(_ shown: [String: Any]) -> [String] {
        (shown["journal"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
    }

    func digest(_ location: Location, in folder: URL) throws -> String {
        try adem(["state", "digest"], location, in: folder).stdout
    }

    func walkThrough(_ location: Location) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adem-dossier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.claims.write(to: folder.appendingPathComponent("claims.csv"), atomically: true, encoding: .utf8)
        if case .postgres = location { #expect(try adem(["db", "init"], location, in: folder).status == 0) }
        #expect(try adem(["client", "add", "ACME", "--name", "Acme Energie"], location, in: folder).status == 0)
        let imported = try adem(
            ["import", "claims", "--client", "ACME", "claims.csv", "--day", "2026-03-02"], location, in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        for day in ["2026-03-02", "2026-03-09"] {
            #expect(try adem(["run-day", "--day", day], location, in: folder).status == 0)
        }

        // The text view names the debtor, the state, the amounts and the claim.
        let text = try adem(["dossier", "show", Self.dossier], location, in: folder)
        #expect(text.status == 0, "\(text.stderr)")
        for expected in [
            "Jan Jansen", "1234 AB Utrecht", "Principal", "€ 250,00", "F-1", "2026-01-19", "14-day letter",
        ] {
            #expect(text.stdout.contains(expected), "\(expected) missing from:\n\(text.stdout)")
        }
        let before = try shown(location, in: folder)
        #expect(state(before) == "reminderLetter")
        #expect(before["outstandingCents"] as? Int == 25_000)

        // Each reading of personal data is logged, with who read it, and reading changes no history.
        let unread = try digest(location, in: folder)
        #expect(try adem(["dossier", "show", Self.dossier, "--by", "Anna Agent"], location, in: folder).status == 0)
        #expect(try adem(["debtor", "export", "D-1", "--by", "Privacy Officer"], location, in: folder).status == 0)
        #expect(try digest(location, in: folder) == unread)
        let log = try adem(["privacy", "access-log", "--debtor", "D-1", "--json"], location, in: folder)
        #expect(log.status == 0, "\(log.stderr)")
        let entries =
            (try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [String: Any])?["accesses"]
            as? [[String: Any]] ?? []
        #expect(
            entries.map { $0["action"] as? String } == [
                "dossier show", "dossier show", "dossier show", "debtor export",
            ])
        #expect(entries.suffix(2).map { $0["accessedBy"] as? String } == ["Anna Agent", "Privacy Officer"])
        #expect(entries.allSatisfy { $0["debtor"] as? String == "ACME/D-1" })
        #expect(entries.first?["dossier"] as? String == Self.dossier)

        // The 14-day letter is in the outbox of the day it was planned, with its deadline.
        let outbox = try adem(
            ["outbox", "list", "--day", "2026-03-09", "--channel", "letter", "--json"], location, in: folder)
        #expect(outbox.status == 0, "\(outbox.stderr)")
        let listed = try JSONSerialization.jsonObject(with: Data(outbox.stdout.utf8)) as? [String: Any]
        let messages = listed?["messages"] as? [[String: Any]] ?? []
        #expect(messages.map { $0["template"] as? String } == ["letter-14"])
        #expect(messages.first?["dossierID"] as? String == Self.dossier)
        #expect(messages.first?["deadline"] as? String != nil)
        let noEmail = try adem(["outbox", "list", "--day", "2026-03-09", "--channel", "email"], location, in: folder)
        #expect(noEmail.stdout.hasPrefix("0 message(s) planned for 2026-03-09 by email."), "\(noEmail.stdout)")

        // The print house reports the letter posted: journalled once, and counted by the social report.
        let letter = messages.first?["id"] as? String ?? ""
        try """
        message,outcome,reason
        \(letter),delivered,
        ACME/D-9#1/2026-03-09/letter-14,delivered,
        \(letter),answered,

        """.write(to: folder.appendingPathComponent("posted.csv"), atomically: true, encoding: .utf8)
        let posted = ["outbox", "report", "--day", "2026-03-09", "posted.csv", "--json"]
        let first = try adem(posted, location, in: folder)
        #expect(first.status == 1, "\(first.stderr)")
        #expect(first.stdout.hasPrefix(#"{"recorded": 1, "alreadyRecorded": 0, "rejected": 2, "errors": [{"line": 3"#))
        #expect(first.stdout.contains("already reported on line 2"), "\(first.stdout)")
        #expect(first.stdout.contains("no message ACME/D-9#1/2026-03-09/letter-14 is planned"), "\(first.stdout)")
        // An outcome that does not fit the channel is refused: an e-mail is not answered.
        try "message;outcome\nACME/D-1#1/2026-03-02/pre-reminder;answered\n".write(
            to: folder.appendingPathComponent("calls.csv"), atomically: true, encoding: .utf8)
        let misfit = try adem(["outbox", "report", "--day", "2026-03-02", "calls.csv"], location, in: folder)
        #expect(misfit.status == 1)
        #expect(misfit.stdout.contains("line 2, outcome: a message by email is delivered or failed"), "\(misfit.stdout)")
        let reported = try digest(location, in: folder)
        let again = try adem(posted, location, in: folder)
        #expect(again.stdout.hasPrefix(#"{"recorded": 0, "alreadyRecorded": 1, "rejected": 2"#), "\(again.stdout)")
        #expect(try digest(location, in: folder) == reported)
        // The debtor calls the agency: an inbound call, also counted.
        let call = try adem(["dossier", "call", Self.dossier, "--day", "2026-03-10"], location, in: folder)
        #expect(call.status == 0, "\(call.stderr)")
        let counted = try adem(
            ["report", "--from", "2026-03-01", "--through", "2026-03-31", "--format", "json", "--out", "march.json"],
            location, in: folder)
        #expect(counted.status == 0, "\(counted.stderr)")
        let march = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("march.json")))
        let counts = (march as? [String: Any])?["messages"] as? [String: Any]
        #expect(counts?["letter"] as? Int == 1)
        #expect(counts?["email"] as? Int == 0)
        let calls = (march as? [String: Any])?["calls"] as? [String: Any]
        #expect(calls?["inbound"] as? Int == 1)
        #expect(calls?["outbound"] as? Int == 0)

        // A dispute recorded for a day is acted on by that day's run: collection and interest stop.
        let recorded = try adem(
            [
                "dossier", "respond", Self.dossier, "dispute", "--reason", "never received the goods", "--day",
                "2026-03-12",
            ],
            location, in: folder)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(try adem(["run-day", "--day", "2026-03-12"], location, in: folder).status == 0)
        let disputed = try shown(location, in: folder)
        #expect(state(disputed) == "disputed")
        #expect(eventTypes(disputed).suffix(4).contains("disputeOpened"))
        #expect(eventTypes(disputed).suffix(4).contains("freezeStarted"))
        #expect((disputed["responses"] as? [[String: Any]])?.count == 1)

        // The dispute is rejected, and the debtor pays what is owed: booked once, then closed as paid.
        #expect(
            try adem(
                ["dossier", "respond", Self.dossier, "dispute-resolved", "--upheld", "false", "--day", "2026-03-20"],
                location, in: folder
            ).status == 0)
        let owed = try shown(location, in: folder)["outstandingCents"] as? Int ?? 0
        let amount = String(format: "%d.%02d", owed / 100, owed % 100)
        let payment = [
            "dossier", "pay", Self.dossier, "--amount", amount, "--reference", "BANK-7", "--day", "2026-03-20",
        ]
        let paid = try adem(payment + ["--json"], location, in: folder)
        #expect(paid.status == 0, "\(paid.stderr)")
        #expect(paid.stdout.contains("\"outcome\": \"booked\""), "\(paid.stdout)")
        let afterPayment = try digest(location, in: folder)
        let repeated = try adem(payment + ["--json"], location, in: folder)
        #expect(repeated.status == 0)
        #expect(repeated.stdout.contains("\"outcome\": \"alreadyBooked\""), "\(repeated.stdout)")
        #expect(try digest(location, in: folder) == afterPayment)
        #expect(try adem(["run-day", "--day", "2026-03-20"], location, in: folder).status == 0)
        let closed = try shown(location, in: folder)
        #expect(state(closed) == "closed")
        #expect(closed["outstandingCents"] as? Int == 0)
        #expect(eventTypes(closed).filter { $0 == "paymentReceived" }.count == 1)

        // A closed dossier refuses a response (exit 1) and records nothing.
        let closedDigest = try digest(location, in: folder)
        let refused = try adem(
            ["dossier", "respond", Self.dossier, "help", "--day", "2026-03-21"], location, in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("closed on 2026-03-20 (paid)"), "\(refused.stderr)")
        #expect((try shown(location, in: folder)["responses"] as? [[String: Any]])?.count == 2)
        #expect(try digest(location, in: folder) == closedDigest)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: ImportCommandTests.adem)))
    func anAgentDisputesAndBooksAPaymentOnSQLite() throws {
        let folder = FileManager.default.temporaryDirectory
        try walkThrough(.sqlite(folder.appendingPathComponent("adem-dossier-\(UUID().uuidString).sqlite").path))
    }

    @Test(.enabled(if: PostgresDatabases.enabled, "ADEM_SKIP_POSTGRES=1: the PostgreSQL engine was NOT tested"))
    func anAgentDisputesAndBooksAPaymentOnPostgreSQL() throws {
        try walkThrough(.postgres(try PostgresDatabases.create("adem_dossier_commands")))
    }

    /// Bad input names the option and writes nothing; an unknown dossier is exit 1.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: ImportCommandTests.adem)))
    func badInputIsRefusedWithTheOptionNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adem-dossier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = Location.sqlite(folder.appendingPathComponent("store.sqlite").path)
        #expect(try adem(["client", "add", "ACME", "--name", "Acme Energie"], store, in: folder).status == 0)
        let cases: [([String], Int32, String)] = [
            (["dossier", "respond", "ACME/X#1", "dispute"], 2, "dispute needs --reason"),
            (["dossier", "respond", "ACME/X#1", "dispute", "--reason", " "], 2, "--reason must not be empty"),
            (["dossier", "respond", "ACME/X#1", "help", "--days", "3"], 2, "--days does not go with help"),
            (["dossier", "respond", "ACME/X#1", "deferral", "--days", "0"], 2, "--days must be 1 to 366"),
            (
                ["dossier", "respond", "ACME/X#1", "arrangement", "--income", "1800"], 2,
                "arrangement needs --household"
            ),
            (
                ["dossier", "respond", "ACME/X#1", "arrangement", "--income", "1800", "--household", "trio"], 2,
                "--household: 'trio' is not one of"
            ),
            (["dossier", "respond", "ACME/X#1", "shout"], 2, "KIND: 'shout' is not one of"),
            (
                ["dossier", "respond", "ACME/X#1", "replied", "--day", "2026-13-01"], 2,
                "--day '2026-13-01' is not a day"
            ),
            (["dossier", "respond", "ACME/X#1", "replied"], 1, "no dossier with id ACME/X#1"),
            (
                ["dossier", "pay", "ACME/X#1", "--amount", "0,00", "--reference", "R"], 2,
                "--amount must be more than 0.00"
            ),
            (["dossier", "pay", "ACME/X#1", "--amount", "1.234", "--reference", "R"], 2, "--amount"),
            (
                ["dossier", "pay", "ACME/X#1", "--amount", "12.50", "--reference", "R"], 1,
                "no dossier with id ACME/X#1"
            ),
            (["dossier", "show", "ACME/X#1"], 1, "no dossier with id ACME/X#1"),
            (["outbox", "list", "--channel", "fax"], 2, "--channel: 'fax' is not one of"),
            (["dossier", "show", "ACME/X#1", "--by", " "], 2, "--by names who is at work"),
            (["privacy", "access-log", "--client", "ACME"], 2, "--client goes with --debtor"),
            (["outbox", "report", "missing.csv"], 2, "missing.csv"),
            (["dossier", "call", "ACME/X#1"], 1, "no dossier with id ACME/X#1"),
        ]
        let before = try digest(store, in: folder)
        for (arguments, status, message) in cases {
            let result = try adem(arguments, store, in: folder)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try digest(store, in: folder) == before)
    }
}
