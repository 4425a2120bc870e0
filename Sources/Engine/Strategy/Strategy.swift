public import Domain
public import Law
public import Money

/// A collection strategy (incassostrategie): the steps the daily run takes for a client's dossiers,
/// when to screen for the legal route and when to close. Strategies are data a credit manager reads
/// and edits (docs/strategies.md); `Strategy.standard` is the default.
public struct Strategy: Hashable, Sendable, Codable {
    /// The name a client's `StrategyReference` points at.
    public var name: String
    /// The steps, in order.
    public var steps: [StrategyStep]
    /// When the recovery investigation runs.
    public var screening: ScreeningRule
    /// When a dossier without result closes.
    public var closing: ClosingRule

    /// A strategy; at least one step and unique step ids.
    public init(name: String, steps: [StrategyStep], screening: ScreeningRule, closing: ClosingRule) {
        precondition(!steps.isEmpty, "a strategy has at least one step")
        precondition(Set(steps.map(\.id)).count == steps.count, "step ids are unique")
        self.name = name
        self.steps = steps
        self.screening = screening
        self.closing = closing
    }
}

/// What a step does.
public enum StepAction: String, Hashable, Sendable, Codable, CaseIterable {
    /// A reminder in the client's own name before collection starts (pre-incasso): no costs, no interest.
    case preCollectionReminder
    /// The 14-day letter (14-dagenbrief, art. 6:96 lid 6 BW); costs may follow only after its term.
    case reminderLetter
    /// A reminder by letter, e-mail or SMS.
    case reminder
    /// A phone call task for an agent.
    case call
}

/// One step of a strategy.
public struct StrategyStep: Hashable, Sendable, Codable {
    /// A short unique id, e.g. `letter-14`.
    public var id: String
    /// What the step does.
    public var action: StepAction
    /// The channel it uses.
    public var channel: Channel
    /// The channel to use when the debtor opted out of `channel` or we lack the address.
    public var fallback: Channel?
    /// The message template.
    public var template: String
    /// Days to wait after the previous step (after the hand-over for the first step).
    public var waitDays: Int
    /// When the step applies; a step whose conditions fail is skipped.
    public var conditions: StepConditions

    /// A step.
    public init(id: String, action: StepAction, channel: Channel, fallback: Channel? = nil, template: String,
                waitDays: Int, conditions: StepConditions = StepConditions()) {
        precondition(waitDays >= 0, "a wait is not negative")
        self.id = id
        self.action = action
        self.channel = channel
        self.fallback = fallback
        self.template = template
        self.waitDays = waitDays
        self.conditions = conditions
    }
}

/// Conditions on a step; every condition given must hold.
public struct StepConditions: Hashable, Sendable, Codable {
    /// Only when the outstanding amount is at least this.
    public var minimumAmount: Money?
    /// Only when the outstanding amount is at most this.
    public var maximumAmount: Money?
    /// Only for these kinds of debtor (nil: all).
    public var debtorKinds: [DebtorKind]?
    /// Only when the oldest claim is at least this many days overdue.
    public var minimumDaysOverdue: Int?
    /// Only when the debtor has (true) or has not (false) responded earlier.
    public var responded: Bool?

    /// Conditions; none by default.
    public init(minimumAmount: Money? = nil, maximumAmount: Money? = nil, debtorKinds: [DebtorKind]? = nil,
                minimumDaysOverdue: Int? = nil, responded: Bool? = nil) {
        self.minimumAmount = minimumAmount
        self.maximumAmount = maximumAmount
        self.debtorKinds = debtorKinds
        self.minimumDaysOverdue = minimumDaysOverdue
        self.responded = responded
    }

    /// Whether the conditions hold for a dossier with `outstanding`, a debtor of `kind`,
    /// `daysOverdue` days overdue, that has or has not `responded`.
    public func hold(outstanding: Money, kind: DebtorKind, daysOverdue: Int, responded hasResponded: Bool) -> Bool {
        if let minimumAmount, outstanding < minimumAmount { return false }
        if let maximumAmount, outstanding > maximumAmount { return false }
        if let debtorKinds, !debtorKinds.contains(kind) { return false }
        if let minimumDaysOverdue, daysOverdue < minimumDaysOverdue { return false }
        if let responded, responded != hasResponded { return false }
        return true
    }
}

/// When the recovery investigation (verhaalsonderzoek) runs after the last step.
public struct ScreeningRule: Hashable, Sendable, Codable {
    /// Days after the last step.
    public var afterDays: Int
    /// Below this outstanding amount no legal route is considered (and none is screened).
    public var minimumAmount: Money

    /// A screening rule.
    public init(afterDays: Int, minimumAmount: Money) {
        self.afterDays = afterDays
        self.minimumAmount = minimumAmount
    }
}

/// When a dossier that brought no result closes, and as what.
public struct ClosingRule: Hashable, Sendable, Codable {
    /// Days after the last step (or the negative screening) without payment or response.
    public var afterDays: Int
    /// The reason it closes with (usually written off: returned to the client).
    public var reason: CloseReason

    /// A closing rule.
    public init(afterDays: Int, reason: CloseReason) {
        self.afterDays = afterDays
        self.reason = reason
    }
}

extension Strategy {
    /// The default strategy: a reminder in the client's name without costs, the 14-day letter a week
    /// later, then reminders by e-mail and SMS and a call after the letter's term, screening two weeks
    /// after the last step and closing as written off 90 days after it. `docs/strategies/standard.yaml`
    /// holds the same strategy as text (a test keeps the two equal).
    public static let standard = Strategy(
        name: "standard",
        steps: [
            StrategyStep(id: "pre-reminder", action: .preCollectionReminder, channel: .email, fallback: .letter,
                         template: "pre-reminder", waitDays: 0),
            StrategyStep(id: "letter-14", action: .reminderLetter, channel: .letter, template: "letter-14", waitDays: 7),
            StrategyStep(id: "email-reminder", action: .reminder, channel: .email, fallback: .letter,
                         template: "reminder", waitDays: 0),
            StrategyStep(id: "sms-reminder", action: .reminder, channel: .sms, template: "reminder-sms", waitDays: 5,
                         conditions: StepConditions(debtorKinds: [.consumer])),
            StrategyStep(id: "call", action: .call, channel: .phone, template: "call", waitDays: 5,
                         conditions: StepConditions(minimumAmount: Money(euros: 50))),
            StrategyStep(id: "final-reminder", action: .reminder, channel: .letter, template: "final-reminder",
                         waitDays: 10),
        ],
        screening: ScreeningRule(afterDays: 14, minimumAmount: Money(euros: 250)),
        closing: ClosingRule(afterDays: 90, reason: .writtenOff))
}

/// The strategies by name; a client whose reference names none gets the default.
public struct StrategyCatalog: Sendable {
    /// The strategies by name.
    public let strategies: [String: Strategy]

    /// A catalog; `Strategy.standard` is included unless one of `strategies` replaces it.
    public init(_ strategies: [Strategy] = []) {
        var byName = [Strategy.standard.name: Strategy.standard]
        for strategy in strategies { byName[strategy.name] = strategy }
        self.strategies = byName
    }

    /// The strategy `reference` names, or the standard one.
    public func strategy(for reference: StrategyReference) -> Strategy {
        strategies[reference.name] ?? strategies[Strategy.standard.name] ?? .standard
    }
}
