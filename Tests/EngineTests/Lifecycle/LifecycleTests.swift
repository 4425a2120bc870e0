import Domain
import Engine
import Law
import Money
import Testing

@Suite("Lifecycle")
struct LifecycleTests {
    static let day = Day(iso: "2026-03-02")!

    func dossier(_ state: DossierState) -> Dossier {
        Dossier(id: Dossier.ID("ACME/D1#1"), clientID: Client.ID("ACME"), debtorID: Debtor.ID("ACME/D1"), openedDay: Self.day,
                state: state, closure: state == .closed ? DossierClosure(day: Self.day, reason: .paid) : nil)
    }

    @Test("a legal move changes the state and journals the reason")
    func legalMove() throws {
        var subject = dossier(.collecting)
        let event = try Lifecycle.move(&subject, .to(.arrangement), reason: "plan agreed", on: Self.day)
        #expect(subject.state == .arrangement)
        #expect(event.type == .stateChanged)
        #expect(event.payload.fields == ["from": "collecting", "to": "arrangement", "reason": "plan agreed"])
    }

    @Test("closing takes a reason and clears the next action")
    func closing() throws {
        var subject = dossier(.collecting)
        subject.nextActionDay = Self.day
        let closing = DossierClosing(reason: .paid, debtor: subject.debtorID, debtorKind: .consumer, debtorOpenDossiers: 0,
                                     mayGoToCourt: false, inDebtCounselling: false)
        let event = try Lifecycle.move(&subject, .close(closing), reason: "paid in full", on: Self.day)
        #expect(subject.state == .closed && subject.closure?.reason == .paid && subject.nextActionDay == nil)
        #expect(event.type == .closed && event.payload["explanation"] == "paid in full")
        // The closing event is the social report's: it reads back with everything the report counts.
        #expect(ReportEvent(event)?.fact == .closed(closing))
    }

    @Test("illegal moves fail with a typed error", arguments: [
        (DossierState.closed, DossierState.collecting), (.new, .legal), (.preCollection, .screening), (.arrangement, .legal),
        (.collecting, .new), (.collecting, .collecting),
    ])
    func illegal(from: DossierState, to: DossierState) {
        var subject = dossier(from)
        #expect(throws: LifecycleError.illegal(from: from, to: to)) {
            try Lifecycle.move(&subject, .to(to), reason: "test", on: Self.day)
        }
        #expect(subject.state == from)
    }

    @Test("closing without a reason is refused")
    func closingNeedsReason() {
        var subject = dossier(.collecting)
        #expect(throws: LifecycleError.closingNeedsReason) { try Lifecycle.move(&subject, .to(.closed), reason: "x", on: Self.day) }
    }

    @Test("every open state can be disputed, referred to debt counselling, held and closed; closed is final")
    func universalMoves() {
        for state in DossierState.allCases where state != .closed {
            let successors = Lifecycle.successors(of: state)
            #expect(successors.isSuperset(of: [.closed, .onHold].filter { $0 != state }))
            #expect(state == .disputed || successors.contains(.disputed))
        }
        #expect(Lifecycle.successors(of: .closed).isEmpty)
    }

    @Test("the table of moves answers as the successors do, for every pair of states")
    func canMoveAgreesWithTheSuccessors() {
        var allowed = 0
        for from in DossierState.allCases {
            for to in DossierState.allCases {
                let expected = Lifecycle.successors(of: from).contains(to)
                #expect(Lifecycle.canMove(from: from, to: to) == expected, "\(from) to \(to)")
                if expected { allowed += 1 }
            }
        }
        #expect(allowed > 13 && allowed < 13 * 12)
    }
}
