import Domain
import Law
import Money
import Reporting
import Testing

/// Terse builders of hand-made journals. A dossier is written `CLIENT/DEBTOR#N`; its client and
/// debtor are read from that name, as the real ids are built.
enum Journal {
    static let secondQuarter = ReportPeriod(from: day("2024-04-01"), through: day("2024-06-30"))

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static func dossier(_ name: String) -> Dossier.ID { Dossier.ID(name.contains("/") ? name : "ACME/\(name)") }
    static func client(_ name: String) -> Client.ID {
        Client.ID(String(dossier(name).rawValue.split(separator: "/")[0]))
    }
    static func debtor(_ name: String) -> Debtor.ID {
        Debtor.ID(String(dossier(name).rawValue.split(separator: "#")[0]))
    }

    static func opened(_ name: String, _ iso: String, kind: DebtorKind = .consumer) -> JournalEvent {
        .dossierOpened(dossier(name), on: day(iso), client: client(name), debtor: debtor(name), debtorKind: kind)
    }

    static func closed(
        _ name: String, _ iso: String, _ reason: CloseReason = .paid, kind: DebtorKind = .consumer,
        stillOpen: Int = 0, mayGoToCourt: Bool = false, inDebtCounselling: Bool = false
    ) -> JournalEvent {
        .closed(
            dossier(name), on: day(iso), client: client(name),
            closing: DossierClosing(
                reason: reason, debtor: debtor(name), debtorKind: kind, debtorOpenDossiers: stillOpen,
                mayGoToCourt: mayGoToCourt, inDebtCounselling: inDebtCounselling))
    }

    static func paid(_ name: String, _ iso: String, _ amount: String) -> JournalEvent {
        .paymentReceived(dossier(name), on: day(iso), client: client(name), amount: try! Money(parsing: amount))
    }

    static func delivered(_ name: String, _ iso: String, _ channel: Channel) -> JournalEvent {
        .contactDelivered(dossier(name), on: day(iso), client: client(name), channel: channel)
    }

    static func call(_ name: String, _ iso: String, _ direction: CallDirection) -> JournalEvent {
        .callMade(dossier(name), on: day(iso), client: client(name), direction: direction)
    }

    static func login(_ name: String, _ iso: String) -> JournalEvent {
        .portalLogin(dossier(name), on: day(iso), client: client(name))
    }

    static func arrangement(_ name: String, _ iso: String, months: Int, instalment: String) -> JournalEvent {
        .arrangementAgreed(
            dossier(name), on: day(iso), client: client(name), months: months,
            monthlyInstalment: try! Money(parsing: instalment))
    }

    static func freeze(_ name: String, _ iso: String, after previousEnd: String? = nil, _ kind: FreezeKind = .hardship)
        -> JournalEvent
    {
        .freezeStarted(
            dossier(name), on: day(iso), client: client(name), kind: kind, previousFreezeEnded: previousEnd.map(day))
    }

    static func unfreeze(_ name: String, _ iso: String, avoided: String, _ kind: FreezeKind = .hardship) -> JournalEvent
    {
        .freezeEnded(
            dossier(name), on: day(iso), client: client(name), kind: kind, interestAvoided: try! Money(parsing: avoided)
        )
    }

    static func screened(_ name: String, _ iso: String, _ outcome: ScreeningOutcome) -> JournalEvent {
        .screened(dossier(name), on: day(iso), client: client(name), outcome: outcome)
    }

    static func counselling(_ name: String, _ iso: String) -> JournalEvent {
        .referred(dossier(name), on: day(iso), client: client(name), to: .debtCounselling)
    }

    static func abroad(_ name: String, _ iso: String, _ country: String = "DE") -> JournalEvent {
        .referred(dossier(name), on: day(iso), client: client(name), to: .abroad(country: CountryCode(country)!))
    }

    static func survey(_ name: String, _ iso: String, _ score: Int) -> JournalEvent {
        .surveyAnswered(dossier(name), on: day(iso), client: client(name), score: score)
    }

    /// The report of `events` by the direct fold, after checking that the counters path gives the
    /// same report (so every hand-made journal also pins the counters).
    static func report(
        _ events: [JournalEvent], _ period: ReportPeriod = secondQuarter, client: Client.ID? = nil,
        settings: SocialReportSettings = .reference, sourceLocation: SourceLocation = #_sourceLocation
    ) -> SocialReport {
        let folded = SocialReport.fold(journal: events, period: period, client: client, settings: settings)
        let counters = ReportCounters(journal: events)
        let computed = SocialReport.compute(counters: counters, period: period, client: client, settings: settings)
        #expect(computed == folded, "counters and fold agree", sourceLocation: sourceLocation)
        let compacted = SocialReport.compute(
            counters: counters.compacted(for: period, client: client), period: period,
            client: client, settings: settings)
        #expect(compacted == folded, "compacted counters agree", sourceLocation: sourceLocation)
        return folded
    }
}
