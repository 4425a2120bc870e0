public import Domain

/// What a simulated year keeps in the store so that a stopped simulation can be resumed: named
/// marks (the simulation's arguments, the last day finished, the day whose debtor actions were
/// carried out), each written in the transaction of the work it marks.
public protocol SimulationStore: IntakeStore {
    /// The value of mark `name`, or nil when never set.
    func simulationMark(_ name: String) async throws -> String?

    /// Sets mark `name` to `value` (replacing an earlier value).
    func setSimulationMark(_ name: String, to value: String) async throws

    /// Whether an import of `source` (the file name an import recorded) was recorded for `clientID`.
    func importRecorded(clientID: Client.ID, source: String) async throws -> Bool

    /// Debtor responses recorded (all dossiers).
    func countResponses() async throws -> Int
}
