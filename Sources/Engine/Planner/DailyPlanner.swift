import Domain
public import Money

/// The per-dossier daily planner: given a snapshot and a day, decide the next humane and lawful step
/// (docs/engine.md, "How a day is decided"). Pure and deterministic: the same snapshot on the same day
/// always gives the same step, and a dossier that is not due (and has no new response) is unchanged.
public enum DailyPlanner {
    /// Steps `snapshot` on `day`.
    public static func step(_ snapshot: DossierSnapshot, on day: Day, context: EngineContext) -> DossierStep {
        let responses = snapshot.responses.filter { $0.sequence > snapshot.progress.lastResponseSequence }
            .sorted { $0.sequence < $1.sequence }
        guard isDue(snapshot, on: day) || !responses.isEmpty else { return unchanged(snapshot) }
        var run = PlannerRun(snapshot: snapshot, day: day, context: context)
        run.accrueInterest()
        // After booking, like any freeze: a waiver starts on the first day not yet booked.
        run.applyInterestPolicy()
        run.allocateNewPayments()
        for response in responses { run.handle(response) }
        run.decide()
        run.progress.lastStepDay = day
        return run.result()
    }

    /// Whether the dossier has something planned on or before `day` that was not yet done.
    public static func isDue(_ snapshot: DossierSnapshot, on day: Day) -> Bool {
        let dossier = snapshot.dossier
        guard dossier.state != .closed, snapshot.progress.lastStepDay.map({ $0 < day }) ?? true else { return false }
        if let next = dossier.nextActionDay { return next <= day }
        return dossier.state == .new && dossier.openedDay <= day
    }

    static func unchanged(_ snapshot: DossierSnapshot) -> DossierStep {
        DossierStep(dossier: snapshot.dossier, progress: snapshot.progress, events: [], transactions: [], outbox: [],
                    claimStatement: nil, changed: false)
    }
}
