import Domain
import Money

/// The debtors' actions planned for later days. Only the future is held, never the past: at the
/// reference scale this is at most one or two pending actions per open dossier (a few hundred
/// thousand small values), while the year's files and journal stay in the store.
struct ActionCalendar {
    private var byDay: [Day: [ScheduledAction]] = [:]

    /// Plans `actions` (in order after what the same day holds already).
    mutating func add(_ actions: [ScheduledAction]) {
        for action in actions { byDay[action.day, default: []].append(action) }
    }

    /// Takes the actions of `day`, in the order they were planned.
    mutating func take(_ day: Day) -> [ScheduledAction] {
        byDay.removeValue(forKey: day) ?? []
    }

    /// How many actions are planned in all.
    var count: Int { byDay.values.reduce(0) { $0 + $1.count } }
}
