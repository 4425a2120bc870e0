public import Domain
import Law
import Money

extension SocialReport {
    /// The report folded directly from the journal: the reference implementation of every definition.
    ///
    /// `journal` holds the events in journal order from the beginning through at least the period's
    /// last day (figures "at any moment in the period" need what was open when it began); later
    /// events are ignored, and so are events the report does not read or whose payload breaks the
    /// contract. It scans the whole journal, so it is for tests, audits and small portfolios; the
    /// store uses `compute(counters:period:client:settings:)`.
    public static func fold(
        journal: some Sequence<JournalEvent>, period: ReportPeriod, client: Client.ID? = nil,
        settings: SocialReportSettings = .reference
    ) -> SocialReport {
        var fold = JournalFold(period: period, client: client, settings: settings)
        for event in journal {
            guard let reportEvent = ReportEvent(event) else { continue }
            fold.add(reportEvent)
        }
        return fold.finished()
    }
}

/// The state of the direct fold: per dossier what is open, and the figures so far.
struct JournalFold {
    private var figures: SocialReport
    private let monthIndex: [Int: Int]
    /// Days a dossier was open, under debt counselling, and its freeze spells.
    private var opened: [Dossier.ID: Day] = [:]
    private var closed: [Dossier.ID: Day] = [:]
    private var counsellingStarted: [Dossier.ID: Day] = [:]
    private var freezeStarted: [Dossier.ID: Day] = [:]
    private var frozenInPeriod: Set<Dossier.ID> = []
    private var screenedNegative: Set<Dossier.ID> = []
    private var referredAbroad: Set<Dossier.ID> = []

    init(period: ReportPeriod, client: Client.ID?, settings: SocialReportSettings) {
        figures = SocialReport(period: period, client: client, settings: settings)
        monthIndex = Dictionary(uniqueKeysWithValues: period.months.enumerated().map { ($1.year * 12 + $1.month, $0) })
    }

    private var period: ReportPeriod { figures.period }

    /// Folds in one event.
    mutating func add(_ event: ReportEvent) {
        guard event.day <= period.through, figures.client.map({ $0 == event.clientID }) ?? true else { return }
        let inPeriod = period.contains(event.day)
        let month = inPeriod ? monthIndex[event.day.year * 12 + event.day.month] : nil
        let dossier = event.dossierID
        switch event.fact {
        case .dossierOpened:
            opened[dossier] = event.day
        case .closed(let closing):
            closed[dossier] = event.day
            guard inPeriod, closing.isAmicable else { return }
            // Debt-free is per person across clients, and who a person is (name and address) never
            // enters the journal, so the fold trusts the closing's count of the person's open
            // dossiers, as the counters do.
            if closing.makesDebtorDebtFree {
                switch closing.debtorKind {
                case .consumer: figures.debtorsDebtFree.consumer += 1
                case .business: figures.debtorsDebtFree.business += 1
                }
            }
            if closing.mayGoToCourt { figures.amicableClosingsCourtAllowed += 1 }
        case .paymentReceived(let amount):
            if inPeriod { figures.amountCollected += amount }
        case .contactDelivered(let channel):
            guard let month else { return }
            switch channel {
            case .email: figures.messages.email += 1; figures.monthly[month].messages.email += 1
            case .letter: figures.messages.letter += 1; figures.monthly[month].messages.letter += 1
            case .sms: figures.messages.sms += 1; figures.monthly[month].messages.sms += 1
            case .phone, .portal: break
            }
        case .callMade(let direction):
            guard let month else { return }
            switch direction {
            case .outbound: figures.calls.outbound += 1; figures.monthly[month].calls.outbound += 1
            case .inbound: figures.calls.inbound += 1; figures.monthly[month].calls.inbound += 1
            }
        case .portalLogin:
            if inPeriod { figures.portalLogins += 1 }
        case .arrangementAgreed(let months, let instalment):
            guard let month else { return }
            figures.arrangements.count += 1
            figures.arrangements.totalMonths += Int64(months)
            figures.arrangements.totalMonthlyInstalments += instalment
            figures.monthly[month].arrangements += 1
        case .freezeStarted:
            freezeStarted[dossier] = event.day
            if let month { figures.monthly[month].freezesStarted += 1 }
        case .freezeEnded(_, let interestAvoided):
            // A spell from its start through this day, both included, is active in the period when
            // it ends on or after the period's first day (it started on or before this day).
            if freezeStarted.removeValue(forKey: dossier) != nil, event.day >= period.from {
                frozenInPeriod.insert(dossier)
            }
            if let month {
                figures.interestFrozen.amountNotCharged += interestAvoided
                figures.monthly[month].freezesEnded += 1
            }
        case .screened(let outcome):
            if inPeriod, outcome == .negative { screenedNegative.insert(dossier) }
        case .referred(.debtCounselling):
            if counsellingStarted[dossier] == nil { counsellingStarted[dossier] = event.day }
        case .referred(.abroad):
            if inPeriod { referredAbroad.insert(dossier) }
        case .surveyAnswered(let score):
            guard inPeriod else { return }
            figures.surveys.answers += 1
            if score >= 4 { figures.surveys.satisfied += 1 }
        }
    }

    /// The report once every event is in.
    func finished() -> SocialReport {
        var result = figures
        // Open at some moment in the period: opened on or before its last day and not closed
        // before its first (a dossier open across the period start counts).
        func activeInPeriod(_ dossier: Dossier.ID) -> Bool { closed[dossier].map { $0 >= period.from } ?? true }
        result.dossiersHandled = Int64(opened.keys.filter(activeInPeriod).count)
        result.debtCounselling = Int64(counsellingStarted.keys.filter(activeInPeriod).count)
        // A freeze still running at the period's end started on or before its last day.
        result.interestFrozen.dossiers = Int64(frozenInPeriod.union(freezeStarted.keys).count)
        result.screenedNegative = Int64(screenedNegative.count)
        result.internationalDossiers = Int64(referredAbroad.count)
        return result
    }
}
