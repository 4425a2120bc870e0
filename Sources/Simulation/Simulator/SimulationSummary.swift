public import Domain
public import Money
public import Operations

/// How far a simulation has come, for a progress bar.
public struct SimulationProgress: Sendable {
    /// The day just finished.
    public let day: Day
    /// Days finished, from 1.
    public let daysDone: Int
    /// Days in the simulated year.
    public let daysTotal: Int
    /// Dossiers imported so far.
    public let dossiers: Int
    /// Journal events written so far.
    public let events: Int
}

/// What a simulated year did.
public struct SimulationSummary: Sendable, Equatable {
    /// Days simulated.
    public var days = 0
    /// Dossiers imported.
    public var dossiers = 0
    /// Claim rows the import rejected (should be none).
    public var rejectedRows = 0
    /// Journal events written, by type.
    public var eventsByType: [JournalEventType: Int] = [:]
    /// Payments booked.
    public var payments = 0
    /// The sum of the payments booked.
    public var collected = Money.zero
    /// Debtor responses recorded (disputes, arrangement requests ...).
    public var responses = 0
    /// Actions planned after the year's end and so not simulated.
    public var actionsBeyondYear = 0
    /// The day a resumed simulation went on from (nil: it ran from the start). The counts of days
    /// and of `collected` are then this process's part; the others are the store's totals.
    public var resumedOn: Day?
    /// Where this process's time went.
    public var timing = SimulationTiming()

    /// An empty summary.
    public init() {}

    /// All events written.
    public var events: Int { eventsByType.values.reduce(0, +) }

    /// Counts `events` by type.
    mutating func count(_ events: [JournalEvent]) {
        for event in events { eventsByType[event.type, default: 0] += 1 }
    }
}

/// Wall-clock seconds a simulation spent in each phase of its days, to see where a year's time goes.
/// Not part of what the year did: any two timings are equal, so two summaries of the same year are
/// equal however long each took.
public struct SimulationTiming: Sendable, Equatable {
    /// Seconds by phase.
    public var secondsByPhase: [SimulationPhase: Double] = [:]
    /// How the daily runs went: chunks, dossiers due and stepped, chunks read and stepped ahead,
    /// dossiers stepped again, retries (the year's events are counted in the summary itself).
    public var dailyRuns = RunSummary()

    public static func == (_: SimulationTiming, _: SimulationTiming) -> Bool { true }
}

/// The phases of a simulated day, in the order they run.
public enum SimulationPhase: String, CaseIterable, Sendable {
    /// The month's hand-overs imported.
    case imports
    /// The debtors' payments, responses, logins, calls and surveys carried out.
    case debtorActions
    /// The daily run.
    case dailyRun
    /// The day's outbox dispatched and the debtors' reactions planned.
    case dispatch
    /// The instalments of the day's arrangements planned.
    case instalments
    /// The report's counters brought up to date: the time the daily run waited for the counting
    /// that started after the daily run before, beside the dispatch, imports and debtor actions.
    case reportCounters
}
