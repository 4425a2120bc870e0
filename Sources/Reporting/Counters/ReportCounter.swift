public import Domain
import Law
public import Money

/// One additive counter of the social report, kept per day and client.
///
/// Every counter only ever grows by what one event adds, so counters of any set of days and clients
/// sum; the store keeps one row per (day, client, counter) and adds to it in the same transaction
/// as the event. The raw values are the store's column values: never rename one.
public enum ReportCounter: String, Hashable, Sendable, CaseIterable, Comparable {
    case dossiersOpened, dossiersClosed
    case amountCollectedCents
    case debtFreeConsumers, debtFreeBusinesses
    case emailsDelivered, lettersDelivered, smsDelivered
    case callsOutbound, callsInbound
    case portalLogins
    case arrangementsAgreed, arrangementMonths, arrangementInstalmentCents
    case freezesStarted, freezesEnded, interestAvoidedCents
    case screenedNegative
    case amicableClosingsCourtAllowed
    case debtCounsellingStarted, debtCounsellingEnded
    case referredAbroad
    case surveyAnswers, surveysSatisfied

    public static func < (left: Self, right: Self) -> Bool { left.rawValue < right.rawValue }

    /// What `fact` adds to the counters; empty for facts that count nothing.
    public static func increments(for fact: ReportFact) -> [(counter: ReportCounter, amount: Int64)] {
        switch fact {
        case .dossierOpened: return [(.dossiersOpened, 1)]
        case .closed(let closing):
            var increments: [(counter: ReportCounter, amount: Int64)] = [(.dossiersClosed, 1)]
            if closing.makesDebtorDebtFree {
                increments.append((closing.debtorKind == .consumer ? .debtFreeConsumers : .debtFreeBusinesses, 1))
            }
            if closing.isAmicable && closing.mayGoToCourt { increments.append((.amicableClosingsCourtAllowed, 1)) }
            if closing.inDebtCounselling { increments.append((.debtCounsellingEnded, 1)) }
            return increments
        case .paymentReceived(let amount): return [(.amountCollectedCents, amount.cents)]
        case .contactDelivered(.email): return [(.emailsDelivered, 1)]
        case .contactDelivered(.letter): return [(.lettersDelivered, 1)]
        case .contactDelivered(.sms): return [(.smsDelivered, 1)]
        case .contactDelivered(.phone), .contactDelivered(.portal): return []
        case .callMade(.outbound): return [(.callsOutbound, 1)]
        case .callMade(.inbound): return [(.callsInbound, 1)]
        case .portalLogin: return [(.portalLogins, 1)]
        case .arrangementAgreed(let months, let instalment):
            return [
                (.arrangementsAgreed, 1), (.arrangementMonths, Int64(months)),
                (.arrangementInstalmentCents, instalment.cents),
            ]
        case .freezeStarted: return [(.freezesStarted, 1)]
        case .freezeEnded(_, let interestAvoided):
            return [(.freezesEnded, 1), (.interestAvoidedCents, interestAvoided.cents)]
        case .screened(.negative): return [(.screenedNegative, 1)]
        case .screened(.positive): return []
        case .referred(.debtCounselling): return [(.debtCounsellingStarted, 1)]
        case .referred(.abroad): return [(.referredAbroad, 1)]
        case .surveyAnswered(let score):
            return score >= 4 ? [(.surveyAnswers, 1), (.surveysSatisfied, 1)] : [(.surveyAnswers, 1)]
        }
    }
}

/// The address of one counter row: (day, client, counter).
public struct ReportCounterKey: Hashable, Sendable, Comparable {
    public let day: Day
    public let client: Client.ID
    public let counter: ReportCounter

    public init(day: Day, client: Client.ID, counter: ReportCounter) {
        self.day = day
        self.client = client
        self.counter = counter
    }

    public static func < (left: Self, right: Self) -> Bool {
        (left.day, left.client, left.counter) < (right.day, right.client, right.counter)
    }
}

/// The address of a freeze restart row: a dossier of `client` was frozen again on `day` after a
/// freeze that ended on `previousEnd`.
///
/// Why a second table: "dossiers with a freeze active at some moment in the period" counts dossiers,
/// not freezes. A dossier's freezes never overlap, so the freezes of one dossier that touch a period
/// are consecutive, and the dossier is counted once if every gap between two of them (previous end,
/// restart) that lies wholly inside the period is subtracted. Whether a gap lies inside depends on
/// two days, which a per-day counter cannot tell.
public struct FreezeRestartKey: Hashable, Sendable, Comparable {
    public let day: Day
    public let client: Client.ID
    public let previousEnd: Day

    public init(day: Day, client: Client.ID, previousEnd: Day) {
        self.day = day
        self.client = client
        self.previousEnd = previousEnd
    }

    public static func < (left: Self, right: Self) -> Bool {
        (left.day, left.client, left.previousEnd) < (right.day, right.client, right.previousEnd)
    }
}
