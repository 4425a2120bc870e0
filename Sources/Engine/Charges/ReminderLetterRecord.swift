public import Law
public import Money

/// The 14-day letter as sent: its day, channel and the first day costs may be charged.
public struct ReminderLetterRecord: Hashable, Sendable, Codable {
    /// The day it was sent (planned for sending).
    public let sentDay: Day
    /// How it went.
    public let channel: ReminderChannel
    /// The first day collection costs may be charged (art. 6:96 lid 6 BW; HR 25-11-2016).
    public let costsDueFrom: Day

    /// A record of the letter.
    public init(sentDay: Day, channel: ReminderChannel, costsDueFrom: Day) {
        self.sentDay = sentDay
        self.channel = channel
        self.costsDueFrom = costsDueFrom
    }
}
