/// The hours of a day a channel may reach a debtor, as minutes after midnight (local time).
public struct ContactWindow: Hashable, Sendable, Codable {
    /// The first minute contact may start.
    public let startMinute: Int
    /// The minute by which contact must have ended.
    public let endMinute: Int

    /// A window; `start < end` within one day.
    public init(startMinute: Int, endMinute: Int) {
        precondition(0 <= startMinute && startMinute < endMinute && endMinute <= 24 * 60, "a window lies within one day")
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// A window from `startHour`:00 to `endHour`:00.
    public init(hours startHour: Int, _ endHour: Int) { self.init(startMinute: startHour * 60, endMinute: endHour * 60) }

    /// Whether `minute` lies inside the window.
    public func contains(minute: Int) -> Bool { startMinute <= minute && minute < endMinute }

    /// Whether the whole of `other` lies inside this window.
    public func contains(_ other: ContactWindow) -> Bool { startMinute <= other.startMinute && other.endMinute <= endMinute }
}
