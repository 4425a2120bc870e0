public import Domain
public import Money

/// One period in which interest does not accrue, from `from` through `through` (open while nil).
public struct Freeze: Hashable, Sendable, Codable {
    /// Why (the report's freeze kind: dispute, arrangement, debt counselling, deferral).
    public let kind: FreezeKind
    /// The first frozen day.
    public let from: Day
    /// The last frozen day; nil while the freeze lasts.
    public var through: Day?

    /// A freeze of `kind` from `from`.
    public init(kind: FreezeKind, from: Day, through: Day? = nil) {
        precondition(through.map { $0 >= from.adding(days: -1) } ?? true, "a freeze ends on or after the day before it starts")
        self.kind = kind
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
