import Domain
import Law
import Money
import Reporting
import Testing

/// The payload contract of `docs/journal-payloads.md`: the keys each constructor writes, the
/// round trip through a journal event, and the payloads `ReportEvent` refuses.
@Suite struct PayloadContractTests {
    typealias J = Journal

    /// One event of every type the report reads, with the exact payload the contract fixes.
    static let contract: [(JournalEvent, [String: String])] = [
        (
            J.opened("A#1", "2024-04-01", kind: .business),
            ["client": "ACME", "debtor": "ACME/A", "debtorKind": "business"]
        ),
        (J.paid("A#1", "2024-04-01", "1234.56"), ["client": "ACME", "amount": "1234.56"]),
        (J.delivered("A#1", "2024-04-01", .sms), ["client": "ACME", "channel": "sms"]),
        (J.call("A#1", "2024-04-01", .inbound), ["client": "ACME", "direction": "inbound"]),
        (J.login("A#1", "2024-04-01"), ["client": "ACME"]),
        (
            J.arrangement("A#1", "2024-04-01", months: 7, instalment: "117"),
            ["client": "ACME", "months": "7", "monthlyInstalment": "117.00"]
        ),
        (J.freeze("A#1", "2024-04-01", .dispute), ["client": "ACME", "kind": "dispute"]),
        (
            J.freeze("A#1", "2024-04-01", after: "2024-03-01"),
            ["client": "ACME", "kind": "hardship", "previousFreezeEnded": "2024-03-01"]
        ),
        (
            J.unfreeze("A#1", "2024-04-01", avoided: "0.05", .arrangement),
            ["client": "ACME", "kind": "arrangement", "interestAvoided": "0.05"]
        ),
        (J.screened("A#1", "2024-04-01", .negative), ["client": "ACME", "outcome": "negative"]),
        (J.counselling("A#1", "2024-04-01"), ["client": "ACME", "kind": "debtCounselling"]),
        (J.abroad("A#1", "2024-04-01", "BE"), ["client": "ACME", "kind": "abroad", "country": "BE"]),
        (
            J.closed("A#1", "2024-04-01", .settled, stillOpen: 2, mayGoToCourt: true),
            [
                "client": "ACME", "reason": "settled", "debtor": "ACME/A", "debtorKind": "consumer",
                "debtorOpenDossiers": "2",
                "mayGoToCourt": "true", "debtCounselling": "false",
            ]
        ),
        (J.survey("A#1", "2024-04-01", 4), ["client": "ACME", "score": "4"]),
    ]

    @Test func constructorsWriteExactlyTheContractKeys() {
        for (event, payload) in Self.contract {
            #expect(event.payload.fields == payload, "\(event.type)")
        }
        #expect(Set(Self.contract.map(\.0.type)) == ReportFact.eventTypes)
    }

    @Test func everyContractEventReadsBackToTheSameEvent() throws {
        for (event, _) in Self.contract {
            let read = try ReportEvent(validating: event)
            #expect(read.journalEvent == event)
            #expect(read.clientID == Client.ID("ACME") && read.dossierID == event.dossierID && read.day == event.day)
        }
    }

    /// Each payload here breaks the contract in one way and is refused with the key at fault.
    @Test(arguments: [
        (JournalEventType.paymentReceived, ["client": "ACME", "amount": "12.5"], "amount"),
        (.paymentReceived, ["client": "ACME", "amount": "1.234,56"], "amount"),
        (.paymentReceived, ["client": "ACME", "amount": "0.00"], "amount"),
        (.paymentReceived, ["client": "ACME", "cents": "500"], "amount"),
        (.paymentReceived, ["amount": "5.00"], "client"),
        (.contactDelivered, ["client": "ACME", "channel": "fax"], "channel"),
        (.callMade, ["client": "ACME", "direction": "out"], "direction"),
        (.arrangementAgreed, ["client": "ACME", "months": "07", "monthlyInstalment": "1.00"], "months"),
        (.arrangementAgreed, ["client": "ACME", "months": "0", "monthlyInstalment": "1.00"], "months"),
        (
            .freezeStarted, ["client": "ACME", "kind": "hardship", "previousFreezeEnded": "1-3-2024"],
            "previousFreezeEnded"
        ),
        (.freezeEnded, ["client": "ACME", "kind": "hardship", "interestAvoided": "-1.00"], "interestAvoided"),
        (.freezeEnded, ["client": "ACME", "kind": "holiday", "interestAvoided": "1.00"], "kind"),
        (.screened, ["client": "ACME", "outcome": "unknown"], "outcome"),
        (.referred, ["client": "ACME", "kind": "abroad", "country": "XX"], "country"),
        (.referred, ["client": "ACME", "kind": "abroad", "country": "be"], "country"),
        (.referred, ["client": "ACME", "kind": "abroad"], "country"),
        (.surveyAnswered, ["client": "ACME", "score": "6"], "score"),
        (.closed, ["client": "ACME", "reason": "paid"], "debtor"),
        (
            .closed,
            [
                "client": "ACME", "reason": "paid", "debtor": "ACME/A", "debtorKind": "consumer",
                "debtorOpenDossiers": "0",
                "mayGoToCourt": "yes", "debtCounselling": "false",
            ], "mayGoToCourt"
        ),
        (.dossierOpened, ["client": "ACME", "debtor": "ACME/A", "debtorKind": "person"], "debtorKind"),
    ])
    func brokenPayloadsAreRefused(type: JournalEventType, fields: [String: String], key: String) {
        let event = JournalEvent(
            dossierID: J.dossier("A#1"), day: J.day("2024-04-01"), type: type, payload: JournalPayload(fields))
        #expect(ReportEvent(event) == nil)
        let error = #expect(throws: ReportPayloadError.self) { _ = try ReportEvent(validating: event) }
        switch error {
        case .missing(let missing, _)?: #expect(missing.rawValue == key)
        case .invalid(let invalid, _, _)?: #expect(invalid.rawValue == key)
        default: Issue.record("expected a missing or invalid \(key), got \(String(describing: error))")
        }
    }

    /// Keys for other readers (the import writes its id on `dossierOpened`) travel along and the
    /// report reads the event as before.
    @Test func extraKeysForOtherReadersAreKeptAndIgnored() throws {
        let event = J.opened("A#1", "2024-04-01").addingPayload(["import": "IMP-7"])
        #expect(event.payload["import"] == "IMP-7")
        #expect(try ReportEvent(validating: event) == ReportEvent(validating: J.opened("A#1", "2024-04-01")))
    }

    @Test func eventTypesTheReportDoesNotReadAreNotReportEvents() {
        let event = JournalEvent(
            dossierID: J.dossier("A#1"), day: J.day("2024-04-01"), type: .interestAccrued,
            payload: JournalPayload(["client": "ACME"]))
        #expect(ReportEvent(event) == nil)
        #expect(throws: ReportPayloadError.notAReportEvent(.interestAccrued)) { _ = try ReportEvent(validating: event) }
    }
}
