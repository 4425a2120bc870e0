public import Domain
import Money

extension SocialReport {
    /// The report computed from the counters: the fast path the `adem report` command takes.
    ///
    /// Sums are taken per counter over the period (and per month inside it). Figures "at any moment
    /// in the period" come from start and end counters: what was open when the period began
    /// (started before it minus ended before it) plus what started inside it; for freezes, minus
    /// the restart gaps inside the period, so that a dossier frozen twice counts once.
    public static func compute(
        counters: ReportCounters, period: ReportPeriod, client: Client.ID? = nil,
        settings: SocialReportSettings = .reference
    ) -> SocialReport {
        let months = period.months
        let monthIndex = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1.year * 12 + $1.month, $0) })
        var before: [ReportCounter: Int64] = [:]
        var within: [ReportCounter: Int64] = [:]
        var monthly = Array(repeating: [ReportCounter: Int64](), count: months.count)
        for (key, value) in counters.rows where key.day <= period.through && (client.map { $0 == key.client } ?? true) {
            if key.day < period.from {
                before[key.counter, default: 0] += value
            } else {
                within[key.counter, default: 0] += value
                monthly[monthIndex[key.day.year * 12 + key.day.month]!][key.counter, default: 0] += value
            }
        }
        var restartGapsInside: Int64 = 0
        for (key, count) in counters.freezeRestarts
        where period.contains(key.day) && key.previousEnd >= period.from && (client.map { $0 == key.client } ?? true) {
            restartGapsInside += count
        }
        let sum = CounterSums(before: before, within: within)

        var report = SocialReport(period: period, client: client, settings: settings)
        report.dossiersHandled = sum.atAnyMoment(started: .dossiersOpened, ended: .dossiersClosed)
        report.amountCollected = Money(cents: sum[.amountCollectedCents])
        report.debtorsDebtFree.consumer = sum[.debtFreeConsumers]
        report.debtorsDebtFree.business = sum[.debtFreeBusinesses]
        report.messages = Messages(sum)
        report.calls = Calls(sum)
        report.portalLogins = sum[.portalLogins]
        report.arrangements.count = sum[.arrangementsAgreed]
        report.arrangements.totalMonths = sum[.arrangementMonths]
        report.arrangements.totalMonthlyInstalments = Money(cents: sum[.arrangementInstalmentCents])
        report.interestFrozen.dossiers =
            sum.atAnyMoment(started: .freezesStarted, ended: .freezesEnded) - restartGapsInside
        report.interestFrozen.amountNotCharged = Money(cents: sum[.interestAvoidedCents])
        report.screenedNegative = sum[.screenedNegative]
        report.amicableClosingsCourtAllowed = sum[.amicableClosingsCourtAllowed]
        report.debtCounselling = sum.atAnyMoment(started: .debtCounsellingStarted, ended: .debtCounsellingEnded)
        report.internationalDossiers = sum[.referredAbroad]
        report.surveys.answers = sum[.surveyAnswers]
        report.surveys.satisfied = sum[.surveysSatisfied]
        report.monthly = zip(months, monthly).map { month, counts in
            let sum = CounterSums(before: [:], within: counts)
            var figures = MonthlyFigures(month: month)
            figures.messages = Messages(sum)
            figures.calls = Calls(sum)
            figures.arrangements = sum[.arrangementsAgreed]
            figures.freezesStarted = sum[.freezesStarted]
            figures.freezesEnded = sum[.freezesEnded]
            return figures
        }
        return report
    }
}

/// Counter sums before and within a period.
private struct CounterSums {
    let before: [ReportCounter: Int64]
    let within: [ReportCounter: Int64]

    /// The sum within the period.
    subscript(counter: ReportCounter) -> Int64 { within[counter] ?? 0 }

    /// Things (dossiers, spells) active at some moment in the period, each started and ended once,
    /// an end on a day counting as active that day: open at the start plus started within.
    func atAnyMoment(started: ReportCounter, ended: ReportCounter) -> Int64 {
        (before[started] ?? 0) - (before[ended] ?? 0) + (within[started] ?? 0)
    }
}

extension SocialReport.Messages {
    fileprivate init(_ sum: CounterSums) {
        self.init()
        email = sum[.emailsDelivered]
        letter = sum[.lettersDelivered]
        sms = sum[.smsDelivered]
    }
}

extension SocialReport.Calls {
    fileprivate init(_ sum: CounterSums) {
        self.init()
        outbound = sum[.callsOutbound]
        inbound = sum[.callsInbound]
    }
}
