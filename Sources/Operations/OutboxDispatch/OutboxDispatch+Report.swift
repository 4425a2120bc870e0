import Foundation
import Domain
import Money
import Store
import Engine

/// What the channels report about the messages of one planned day: the print house's letters posted,
/// the mail and SMS providers' deliveries and bounces, the agents' calls answered or not. Each line
/// names a message of the day's outbox and its outcome; the use case journals what `OutboxDispatch`
/// journals for it (`contactSent`, then `contactDelivered`, `contactFailed` or `callMade`), dated the
/// planned day, so the social report counts the messages and calls.
///
/// File: CSV (`,` or `;`, header row) or a JSON array of objects, with `message`, `outcome`
/// (`delivered` or `failed` for letters, e-mail, SMS and the portal; `answered` or `unanswered` for
/// calls) and `reason` (required for `failed`). Bad lines are reported (line, column, reason) and the
/// valid ones recorded, all in one transaction. Idempotent: a message already journalled as sent
/// counts as `alreadyRecorded`, so the same report twice records once. A report is the channels'
/// side of a dispatch: it writes what `run` writes, for the outcomes the channels give.
extension OutboxDispatch {
    /// What a report did.
    public struct ReportSummary: Hashable, Sendable {
        /// Messages whose outcome was journalled now.
        public var recorded = 0
        /// Messages whose outcome was journalled before (the same report again, or a dispatch).
        public var alreadyRecorded = 0
        /// Lines refused.
        public var rejected: Int { issues.count }
        /// The refused lines, in file order.
        public var issues: [ImportIssue] = []
    }

    /// One line of the file, checked on its own.
    struct ReportLine {
        let line: Int
        let messageID: String
        let outcome: DeliveryOutcome
        let isCall: Bool
    }

    /// Reads every record of `reader` and records the valid lines.
    public func recordReport<Source: ByteSource>(from reader: inout ClaimFileReader<Source>) async throws
        -> ReportSummary
    {
        var summary = ReportSummary()
        var lines: [ReportLine] = []
        var seen: [String: Int] = [:]
        while let record = try reader.next() {
            switch record {
            case .unreadable(let issue): summary.issues.append(issue)
            case .row(let row):
                switch Self.checkReportLine(row) {
                case .issue(let issue): summary.issues.append(issue)
                case .line(let line):
                    if let first = seen[line.messageID] {
                        summary.issues.append(
                            ImportIssue(line: line.line, column: "message", reason: "already reported on line \(first)")
                        )
                    } else {
                        seen[line.messageID] = line.line
                        lines.append(line)
                    }
                }
            }
        }
        let wanted = Set(lines.map(\.messageID))
        let day = self.day
        let recordedAt = self.recordedAt
        return try await store.intakeTransaction { store in
            var planned: [String: OutboxRow] = [:]
            try await OutboxDispatch.forEachPage(plannedOn: day, in: store) { page in
                for row in page where wanted.contains(row.id) { planned[row.id] = row }
            }
            let done = try await OutboxDispatch.dispatchedIDs(on: day, in: store)
            let clients = try await Self.clientsOfUnnamed(planned.values, in: store)
            let decoder = CanonicalJSONDecoder()
            var summary = summary
            var events: [EncodedJournalEvent] = []
            for line in lines {
                guard let row = planned[line.messageID] else {
                    summary.issues.append(
                        ImportIssue(
                            line: line.line, column: "message",
                            reason: "no message \(line.messageID) is planned for \(day)"))
                    continue
                }
                guard line.isCall == (row.channel == .phone) else {
                    let expected = row.channel == .phone ? "answered or unanswered" : "delivered or failed"
                    summary.issues.append(
                        ImportIssue(
                            line: line.line, column: "outcome",
                            reason: "a message by \(row.channel.rawValue) is \(expected)"))
                    continue
                }
                if done.contains(row.id) {
                    summary.alreadyRecorded += 1
                    continue
                }
                guard let clientID = row.clientID ?? clients[row.dossierID] else {
                    throw StoreError.notFound("client of dossier \(row.dossierID)")
                }
                let message = try decoder.decode(OutboxMessage.self, from: row.message)
                events += OutboxDispatch.events(message, clientID: clientID, outcome: line.outcome, day: day)
                    .map(EncodedJournalEvent.init)
                summary.recorded += 1
            }
            summary.issues.sort { $0.line < $1.line }
            if !events.isEmpty { try await store.appendJournal(encoded: events, recordedAt: recordedAt) }
            return summary
        }
    }

    /// A line as checked on its own: fit to record, or refused.
    enum CheckedReportLine {
        case line(ReportLine)
        case issue(ImportIssue)
    }

    /// The outcomes a line may name.
    static let reportOutcomes = ["delivered", "failed", "answered", "unanswered"]

    /// A line checked on its own values: a message id, a known outcome, a reason for a failure.
    static func checkReportLine(_ row: RawRow) -> CheckedReportLine {
        func value(_ column: String) -> String { (row.values[column] ?? "").trimmingCharacters(in: .whitespaces) }
        let message = value("message")
        guard !message.isEmpty else {
            return .issue(ImportIssue(line: row.line, column: "message", reason: "the message id is missing"))
        }
        let reason = value("reason")
        switch value("outcome") {
        case "delivered":
            return .line(ReportLine(line: row.line, messageID: message, outcome: .delivered, isCall: false))
        case "failed":
            guard !reason.isEmpty else {
                return .issue(ImportIssue(line: row.line, column: "reason", reason: "a failed message needs a reason"))
            }
            return .line(
                ReportLine(line: row.line, messageID: message, outcome: .failed(reason: reason), isCall: false))
        case "answered":
            return .line(ReportLine(line: row.line, messageID: message, outcome: .called(answered: true), isCall: true))
        case "unanswered":
            return .line(
                ReportLine(line: row.line, messageID: message, outcome: .called(answered: false), isCall: true))
        case let other:
            return .issue(
                ImportIssue(
                    line: row.line, column: "outcome",
                    reason: "'\(other)' is not one of \(reportOutcomes.joined(separator: ", "))"))
        }
    }
}
