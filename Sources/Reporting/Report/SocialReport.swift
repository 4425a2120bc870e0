public import Domain
public import Money

/// The social collection report (maatschappelijk incassoverslag) of a period, for the agency or one
/// client: every figure of the reference report, with the definitions of
/// `shared/domain/social-collection.md` as pinned in `docs/social-report.md`.
///
/// Compute it from the counters (`compute(counters:period:client:settings:)`, the fast path) or by
/// folding the journal (`fold(journal:period:client:settings:)`, the reference implementation); a
/// property test keeps the two equal.
public struct SocialReport: Hashable, Sendable {
    /// The days covered.
    public let period: ReportPeriod
    /// The client reported on; nil for the whole agency.
    public let client: Client.ID?
    /// The assumptions the figures were computed with.
    public let settings: SocialReportSettings

    /// Dossiers open at any moment in the period.
    public var dossiersHandled: Int64 = 0
    /// Payments received in the period, gross.
    public var amountCollected: Money = .zero
    /// Debtors whose last open dossier closed as paid or settled in the period.
    public var debtorsDebtFree = ByDebtorKind()
    /// Messages delivered in the period, by channel.
    public var messages = Messages()
    /// Phone calls in the period, by direction.
    public var calls = Calls()
    /// Successful portal log-ins in the period.
    public var portalLogins: Int64 = 0
    /// Payment arrangements agreed in the period.
    public var arrangements = Arrangements()
    /// Dossiers with a freeze active at some moment in the period, and the interest not charged.
    public var interestFrozen = InterestFrozen()
    /// Dossiers whose recovery investigation in the period advised against a lawsuit.
    public var screenedNegative: Int64 = 0
    /// Dossiers closed amicably in the period whose client's mandate allowed court.
    public var amicableClosingsCourtAllowed: Int64 = 0
    /// Dossiers under debt counselling at some moment in the period.
    public var debtCounselling: Int64 = 0
    /// Dossiers referred to a partner office abroad in the period.
    public var internationalDossiers: Int64 = 0
    /// Survey answers in the period: all, and satisfied (4 or 5).
    public var surveys = Surveys()
    /// The figures per calendar month, for the charts.
    public var monthly: [MonthlyFigures]

    /// An empty report (every figure zero, one zero month per calendar month) for `period`.
    public init(period: ReportPeriod, client: Client.ID?, settings: SocialReportSettings) {
        self.period = period
        self.client = client
        self.settings = settings
        self.monthly = period.months.map(MonthlyFigures.init(month:))
    }

    /// Legal costs saved: amicable closings the mandate allowed to go to court, times the average
    /// cost of a procedure.
    public var legalCostsSaved: Money { settings.averageProcedureCost * Int(amicableClosingsCourtAllowed) }

    /// The share of dossiers handled that went abroad.
    public var internationalShare: Ratio { Ratio(internationalDossiers, over: dossiersHandled) }

    /// Customer satisfaction: the share of survey answers of 4 or 5.
    public var csat: Ratio { Ratio(surveys.satisfied, over: surveys.answers) }

    /// Consumers and businesses.
    public struct ByDebtorKind: Hashable, Sendable {
        public var consumer: Int64 = 0
        public var business: Int64 = 0
        public var total: Int64 { consumer + business }
        public init() {}
    }

    /// Messages delivered, by channel.
    public struct Messages: Hashable, Sendable {
        public var email: Int64 = 0
        public var letter: Int64 = 0
        public var sms: Int64 = 0
        public var total: Int64 { email + letter + sms }
        public init() {}
    }

    /// Phone calls, by direction.
    public struct Calls: Hashable, Sendable {
        public var outbound: Int64 = 0
        public var inbound: Int64 = 0
        public var total: Int64 { outbound + inbound }
        public init() {}
    }

    /// Arrangements agreed: the count and the sums behind the means.
    public struct Arrangements: Hashable, Sendable {
        public var count: Int64 = 0
        public var totalMonths: Int64 = 0
        public var totalMonthlyInstalments: Money = .zero
        public init() {}

        /// The mean duration in months (exact; render with one decimal).
        public var meanMonths: Ratio { Ratio(totalMonths, over: count) }

        /// The mean monthly instalment, rounded half up to the cent; zero when there is none.
        public var meanMonthlyInstalment: Money {
            Money(cents: Ratio(totalMonthlyInstalments.cents, over: count).scaled(decimals: 0) ?? 0)
        }
    }

    /// Interest frozen.
    public struct InterestFrozen: Hashable, Sendable {
        public var dossiers: Int64 = 0
        public var amountNotCharged: Money = .zero
        public init() {}
    }

    /// Survey answers.
    public struct Surveys: Hashable, Sendable {
        public var answers: Int64 = 0
        public var satisfied: Int64 = 0
        public init() {}
    }
}

/// The assumptions of a report.
public struct SocialReportSettings: Hashable, Sendable {
    /// What one avoided court procedure would have cost; the reference report uses EUR 1,500.
    public var averageProcedureCost: Money

    /// Settings with the given average procedure cost.
    public init(averageProcedureCost: Money = Money(euros: 1_500)) {
        precondition(!averageProcedureCost.isNegative, "a procedure cost is not negative")
        self.averageProcedureCost = averageProcedureCost
    }

    /// The reference report's assumptions.
    public static let reference = SocialReportSettings()
}

/// The figures of one calendar month that the charts show; all are counts of events in the month.
public struct MonthlyFigures: Hashable, Sendable {
    /// The month.
    public let month: ReportMonth
    /// Messages delivered.
    public var messages = SocialReport.Messages()
    /// Phone calls.
    public var calls = SocialReport.Calls()
    /// Arrangements agreed.
    public var arrangements: Int64 = 0
    /// Freezes started.
    public var freezesStarted: Int64 = 0
    /// Freezes ended.
    public var freezesEnded: Int64 = 0

    /// Zero figures for `month`.
    public init(month: ReportMonth) { self.month = month }
}
