public import Money

/// How long a claim stays enforceable, with each step of the reasoning so a person can follow it.
public struct PrescriptionOutcome: Equatable, Sendable {
    /// One step of the computation, in the order it was taken.
    public enum Step: Equatable, Sendable {
        /// The term of `kind` started on `start` and, left alone, ends after `lastEnforceableDay`.
        case started(kind: PrescriptionKind, start: Day, lastEnforceableDay: Day)
        /// An interruption received on `received` started a new term on `newTermStart` that ends
        /// after `newTermEnd`; the claim is enforceable up to `lastEnforceableDay`, the later of
        /// that end and the end of the term it interrupted (art. 3:319 lid 1 BW).
        case interrupted(received: Day, newTermStart: Day, newTermEnd: Day, lastEnforceableDay: Day)
        /// An interruption received on `received`, before the term began on `termStart`, had no
        /// running term to interrupt and changes nothing.
        case ignoredBeforeStart(received: Day, termStart: Day)
        /// An interruption received on `received`, after the claim prescribed at the end of
        /// `prescribedAfter`, changes nothing: a prescribed claim cannot be revived.
        case ignoredAfterPrescription(received: Day, prescribedAfter: Day)
    }

    /// The kind of claim.
    public let kind: PrescriptionKind
    /// The day the claim fell due (for a judgment, the day of the judgment).
    public let due: Day
    /// The steps in order: the start, then one per interruption, earliest first.
    public let steps: [Step]
    /// The last day on which the claim is enforceable; from the next day it is prescribed.
    public let prescribedAfter: Day

    /// True when the claim can no longer be enforced on `day`: the engine must stop and flag it.
    public func isPrescribed(on day: Day) -> Bool { day > prescribedAfter }
}

extension PrescriptionOutcome.Step: CustomStringConvertible {
    /// One sentence a person can check with a calendar.
    public var description: String {
        switch self {
        case .started(let kind, let start, let lastEnforceableDay):
            return "\(kind.years)-year term (\(kind.article)) starts \(start); "
                + "enforceable through \(lastEnforceableDay)"
        case .interrupted(let received, let newTermStart, let newTermEnd, let lastEnforceableDay):
            let kept = lastEnforceableDay > newTermEnd ? "; the interrupted term ends later and stands" : ""
            return "interruption received \(received): new term from \(newTermStart) through \(newTermEnd)"
                + "\(kept) (art. 3:319 BW); enforceable through \(lastEnforceableDay)"
        case .ignoredBeforeStart(let received, let termStart):
            return "interruption received \(received) ignored: before the term started on \(termStart)"
        case .ignoredAfterPrescription(let received, let prescribedAfter):
            return "interruption received \(received) ignored: the claim prescribed after \(prescribedAfter)"
        }
    }
}
