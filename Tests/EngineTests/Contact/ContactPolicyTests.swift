import Domain
import Engine
import Law
import Money
import PropertyBased
import Testing

@Suite("Contact policy")
struct ContactPolicyTests {
    static let policy = ContactPolicy.standard
    static let dossierID = Dossier.ID("ACME/D1#1")
    static let monday = Day(iso: "2026-03-02")!

    func situation(flags: DossierFlags = [], optedOut: [Channel] = [], pausedUntil: Day? = nil,
                   history: [ContactRecord] = []) -> ContactSituation {
        ContactSituation(flags: flags, consent: ChannelConsent(optedOut: optedOut), reachable: Set(Channel.allCases),
                         pausedUntil: pausedUntil, history: history)
    }

    @Test("calls and SMS keep to 08:00-21:00; letters and e-mail have no quiet hours")
    func quietHours() {
        #expect(Self.policy.decide(.phone, on: Self.monday, situation()) == .allowed(window: ContactWindow(hours: 8, 21)))
        #expect(Self.policy.decide(.letter, on: Self.monday, situation()) == .allowed(window: ContactWindow(hours: 0, 24)))
    }

    @Test("Sundays and holidays defer to the next permitted day")
    func sundaysAndHolidays() {
        let sunday = Day(iso: "2026-03-08")!
        #expect(Self.policy.decide(.email, on: sunday, situation())
                == .deferred(to: Day(iso: "2026-03-09")!, reason: "no contact on Sundays and holidays"))
        // Easter Sunday and Monday 2026: 5 and 6 April.
        guard case .deferred(let day, _) = Self.policy.decide(.email, on: Day(iso: "2026-04-05")!, situation()) else {
            Issue.record("expected a deferral"); return
        }
        #expect(day == Day(iso: "2026-04-07")!)
    }

    @Test("opt-outs, vulnerability, disputes and debt counselling refuse contact")
    func refusals() {
        let cases: [(ContactSituation, String)] = [
            (situation(optedOut: [.sms]), "the debtor opted out of sms"),
            (situation(flags: .vulnerable), "vulnerable: no contact until a person has reviewed the dossier"),
            (situation(flags: .disputed), "disputed: no contact until the dispute is resolved"),
            (situation(flags: .inDebtCounselling), "in debt counselling: the counsellor is the contact"),
        ]
        for (situation, reason) in cases {
            #expect(Self.policy.decide(.sms, on: Self.monday, situation) == .refused(reason: reason))
        }
        guard case .allowed = Self.policy.decide(.sms, on: Self.monday, situation(flags: [.vulnerable, .vulnerabilityReviewed])) else {
            Issue.record("a reviewed vulnerable dossier may be contacted"); return
        }
    }

    @Test("a pause after a dispute or help request defers contact to its end")
    func pause() {
        let until = Self.monday.adding(days: 14)
        #expect(Self.policy.decide(.email, on: Self.monday, situation(pausedUntil: until))
                == .deferred(to: until, reason: "contact paused until \(until)"))
    }

    @Test("the weekly cap counts every channel and client and defers past the window")
    func weeklyCap() {
        let history = (0..<3).map { ContactRecord(day: Self.monday.adding(days: -$0), channel: .email, dossierID: Dossier.ID("OTHER/X#\($0)")) }
        #expect(Self.policy.decide(.letter, on: Self.monday, situation(history: history))
                == .deferred(to: Self.monday.adding(days: 5), reason: "weekly cap of 3 contacts reached"))
    }

    @Test("property: contacts placed by the policy never exceed the weekly cap nor fall on Sundays, holidays or in quiet hours")
    func neverBreaksTheRules() async {
        let requests = zip(Gen.int(in: 0...120), Gen<Channel>.case).array(of: 1...40)
        let caps = Gen.int(in: 1...4)
        await propertyCheck(count: 200, input: requests, caps) { requests, cap in
            let policy = ContactPolicy(windows: ContactPolicy.standard.windows, contactsPerWeekMax: cap, pauseDays: 14)
            var history: [ContactRecord] = []
            for (offset, channel) in requests.sorted(by: { $0.0 < $1.0 }) {
                let day = Day(iso: "2026-01-01")!.adding(days: offset)
                let planned: Day
                switch policy.decide(channel, on: day, situation(history: history)) {
                case .allowed(let window):
                    planned = day
                    if channel == .phone || channel == .sms { #expect(ContactWindow(hours: 8, 21).contains(window)) }
                case .deferred(let later, _):
                    #expect(later > day)
                    guard case .allowed = policy.decide(channel, on: later, situation(history: history)) else {
                        Issue.record("the deferred day \(later) is not permitted"); continue
                    }
                    planned = later
                case .refused: continue
                }
                history.append(ContactRecord(day: planned, channel: channel, dossierID: Self.dossierID))
            }
            for record in history {
                #expect(record.day.weekday != .sunday && !DutchHolidays.isHoliday(record.day))
                for end in 0..<7 {
                    #expect(ContactPolicy.contactsInWeek(endingOn: record.day.adding(days: end), history: history) <= cap)
                }
            }
        }
    }
}
