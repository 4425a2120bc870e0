public import Domain

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
