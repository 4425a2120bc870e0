public import Money

/// Why interest is frozen (rentebevriezing).
public enum FreezeReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// The debtor disputes the claim; the freeze lasts until the dispute is resolved.
    case dispute
    /// A payment arrangement runs and the client's mandate allows freezing.
    case arrangement
    /// The debtor is in debt counselling.
    case debtCounselling
}

/// One period in which interest does not accrue, from `from` through `through` (open while nil).
public struct Freeze: Hashable, Sendable, Codable {
    /// Why.
    public let reason: FreezeReason
    /// The first frozen day.
    public let from: Day
    /// The last frozen day; nil while the freeze lasts.
    public var through: Day?

    /// A freeze for `reason` from `from`.
    public init(reason: FreezeReason, from: Day, through: Day? = nil) {
        precondition(through.map { $0 >= from.adding(days: -1) } ?? true, "a freeze ends on or after the day before it starts")
        self.reason = reason
        self.from = from
        self.through = through
    }

    /// Whether the freeze still lasts.
    public var isOpen: Bool { through == nil }

    /// The frozen days up to and including `day`, or nil when none lie before it.
    public func frozenDays(through day: Day) -> ClosedRange<Day>? {
        let last = min(through ?? day, day)
        return from <= last ? from...last : nil
    }
}
