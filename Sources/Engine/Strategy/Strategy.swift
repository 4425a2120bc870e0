import Domain
import Law
import Money

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
