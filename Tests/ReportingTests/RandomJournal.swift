import Domain
import Law
import Money
import Reporting

/// A seeded generator of journals that keep the engine's side of the payload contract: a dossier
/// opens once and closes at most once, freezes of a dossier do not overlap and are ended before
/// the dossier closes, a dossier is screened negative, referred to counselling and referred abroad
/// at most once, and a closing states how many of the debtor's dossiers are still open.
struct RandomJournal {
    /// SplitMix64: small, fast and good enough for test data.
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    mutating func pick<Element>(_ elements: [Element]) -> Element { elements[int(0...elements.count - 1)] }

    static let firstDay = Day(iso: "2023-11-01")!

    /// A journal of a few clients, debtors and dossiers over about ten months; `clients` and
    /// `debtors` bound how many of each.
    mutating func journal(clients: ClosedRange<Int> = 1...3, debtors: ClosedRange<Int> = 1...4) -> [JournalEvent] {
        var drafts: [(day: Day, order: Int, event: ReportEvent)] = []
        for clientNumber in 1...int(clients) {
            let client = Client.ID("C\(clientNumber)")
            for debtorNumber in 1...int(debtors) {
                let debtor = Debtor.id(client: client, reference: "D\(debtorNumber)")
                let kind: DebtorKind = chance(85) ? .consumer : .business
                for ordinal in 1...int(1...3) {
                    for (day, fact) in dossierTimeline(debtor: debtor, kind: kind) {
                        let event = ReportEvent(
                            dossierID: Dossier.id(debtor: debtor, ordinal: ordinal), day: day, clientID: client,
                            fact: fact)
                        drafts.append((day, drafts.count, event))
                    }
                }
            }
        }
        drafts.sort { ($0.day, $0.order) < ($1.day, $1.order) }
        // In journal order, fill in what a closing says about the debtor's other open dossiers.
        var open: [Debtor.ID: Int] = [:]
        return drafts.map { draft in
            switch draft.event.fact {
            case .dossierOpened(let debtor, _):
                open[debtor, default: 0] += 1
                return draft.event.journalEvent
            case .closed(let closing):
                open[closing.debtor, default: 0] -= 1
                let filled = DossierClosing(
                    reason: closing.reason, debtor: closing.debtor, debtorKind: closing.debtorKind,
                    debtorOpenDossiers: open[closing.debtor]!, mayGoToCourt: closing.mayGoToCourt,
                    inDebtCounselling: closing.inDebtCounselling)
                return ReportEvent(
                    dossierID: draft.event.dossierID, day: draft.day, clientID: draft.event.clientID,
                    fact: .closed(filled)
                ).journalEvent
            default:
                return draft.event.journalEvent
            }
        }
    }

    /// One dossier's events in day order.
    private mutating func dossierTimeline(debtor: Debtor.ID, kind: DebtorKind) -> [(Day, ReportFact)] {
        var day = RandomJournal.firstDay.adding(days: int(0...300))
        var facts: [(Day, ReportFact)] = [(day, .dossierOpened(debtor: debtor, debtorKind: kind))]
        var frozenKind: FreezeKind?
        var lastFreezeEnd: Day?
        var screenedNegative = false
        var inCounselling = false
        var referredAbroad = false
        for _ in 0..<int(0...10) {
            day = day.adding(days: int(0...40))
            switch int(0...11) {
            case 0: facts.append((day, .paymentReceived(amount: Money(cents: Int64(int(1...50_000))))))
            case 1: facts.append((day, .contactDelivered(channel: pick(Channel.allCases))))
            case 2: facts.append((day, .callMade(direction: pick(CallDirection.allCases))))
            case 3: facts.append((day, .portalLogin))
            case 4:
                facts.append(
                    (
                        day,
                        .arrangementAgreed(
                            months: int(1...24), monthlyInstalment: Money(cents: Int64(int(500...30_000))))
                    ))
            case 5, 6:
                if let kind = frozenKind {
                    facts.append((day, .freezeEnded(kind: kind, interestAvoided: Money(cents: Int64(int(0...5_000))))))
                    frozenKind = nil
                    lastFreezeEnd = day
                } else {
                    let kind = pick(FreezeKind.allCases)
                    facts.append((day, .freezeStarted(kind: kind, previousFreezeEnded: lastFreezeEnd)))
                    frozenKind = kind
                }
            case 7:
                let outcome = pick(ScreeningOutcome.allCases)
                if outcome == .positive || !screenedNegative { facts.append((day, .screened(outcome: outcome))) }
                screenedNegative = screenedNegative || outcome == .negative
            case 8:
                if !inCounselling { facts.append((day, .referred(.debtCounselling))) }
                inCounselling = true
            case 9:
                if !referredAbroad {
                    facts.append((day, .referred(.abroad(country: pick([CountryCode("DE")!, CountryCode("BE")!])))))
                }
                referredAbroad = true
            case 10: facts.append((day, .surveyAnswered(score: int(1...5))))
            default: break
            }
        }
        if chance(70) {
            day = day.adding(days: int(0...30))
            if let kind = frozenKind {
                facts.append((day, .freezeEnded(kind: kind, interestAvoided: Money(cents: Int64(int(0...5_000))))))
            }
            let closing = DossierClosing(
                reason: pick(CloseReason.allCases), debtor: debtor, debtorKind: kind, debtorOpenDossiers: 0,
                mayGoToCourt: chance(50), inDebtCounselling: inCounselling)
            facts.append((day, .closed(closing)))
        }
        return facts
    }

    /// A period somewhere in the journal's time, one day to about seven months long.
    mutating func period() -> ReportPeriod {
        let from = RandomJournal.firstDay.adding(days: int(0...240))
        return ReportPeriod(from: from, through: from.adding(days: int(0...210)))
    }
}
