public import Domain

/// What a daily run did, for the summary line and `--json`.
public struct RunSummary: Sendable, Equatable {
    /// Chunks this process finished.
    public var chunks = 0
    /// Dossiers looked at (due in the chunks).
    public var dossiers = 0
    /// Dossiers whose state, ledger, journal or outbox changed.
    public var stepped = 0
    /// Journal events written, by type.
    public var eventsByType: [JournalEventType: Int] = [:]
    /// Messages planned, by channel.
    public var messagesByChannel: [Channel: Int] = [:]
    /// Chunks retried after a concurrent write (optimistic concurrency).
    public var retries = 0
    /// Chunks whose dossiers' own data was read ahead, while the chunk before was written.
    public var chunksReadAhead = 0
    /// Of those, chunks stepped on the read-ahead as well.
    public var chunksSteppedAhead = 0
    /// Dossiers of those chunks read and stepped again in their chunk's transaction: their person
    /// had a dossier in the chunk written while the read-ahead ran.
    public var dossiersSteppedAgain = 0
    /// Dossiers of chunks stepped ahead that the read-ahead handed to the writer unstepped: the
    /// writer was ready for the chunk before the read-ahead had stepped them.
    public var dossiersHandedOver = 0
    /// Where the run's time went beside the writer.
    public var timing = RunTiming()

    /// An empty summary.
    public init() {}

    /// Adds another summary (of a chunk) to this one.
    public mutating func add(_ other: RunSummary) {
        chunks += other.chunks
        dossiers += other.dossiers
        stepped += other.stepped
        retries += other.retries
        chunksReadAhead += other.chunksReadAhead
        chunksSteppedAhead += other.chunksSteppedAhead
        dossiersSteppedAgain += other.dossiersSteppedAgain
        dossiersHandedOver += other.dossiersHandedOver
        timing.waitedForReadAhead += other.timing.waitedForReadAhead
        timing.readingAhead += other.timing.readingAhead
        eventsByType.merge(other.eventsByType, uniquingKeysWith: +)
        messagesByChannel.merge(other.messagesByChannel, uniquingKeysWith: +)
    }

    /// All events written.
    public var events: Int { eventsByType.values.reduce(0, +) }
}

/// Where a daily run's time went beside the writer: how long the reads ahead took on the second
/// connection, and how long the writer waited for them (a run bound by its reads waits long).
/// Not part of what the run did: any two timings are equal, so two summaries of the same run are
/// equal however long each took.
public struct RunTiming: Sendable, Equatable {
    /// Seconds the writer waited for the next chunk's read-ahead to finish.
    public var waitedForReadAhead = 0.0
    /// Seconds the reads ahead (and the steps ahead) took, beside the writer.
    public var readingAhead = 0.0

    public static func == (_: RunTiming, _: RunTiming) -> Bool { true }
}
