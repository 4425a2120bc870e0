import Domain
import Engine
import Foundation
import Money
import Operations
import Simulation
import Testing

@Suite struct BehaviourModelTests {
    let model = BehaviourModel(seed: 42)

    func message(
        _ dossier: String = "C00001/D000001#1", channel: Channel = .email, template: String = "reminder",
        inClientName: Bool = false, deadline: Day? = nil, reason: String = "strategy standard, step x"
    ) -> OutboxMessage {
        OutboxMessage(
            dossierID: Dossier.ID(dossier), channel: channel, template: template, plannedDay: Day(iso: "2024-03-04")!,
            window: ContactWindow(startMinute: 0, endMinute: 24 * 60), reason: reason, inClientName: inClientName,
            deadline: deadline)
    }

    /// A dossier's debtor and reactions come from its own stream: the same in any order, in any model
    /// with the same seed, and different under another seed.
    @Test func eachDossierHasItsOwnDeterministicStream() {
        let ids = (1...200).map { Dossier.ID("C00001/D\($0)#1") }
        let forward = ids.map { model.debtor($0) }
        let backward = ids.reversed().map { BehaviourModel(seed: 42).debtor($0) }.reversed()
        #expect(forward == Array(backward))
        let letter = message(channel: .letter, template: "letter-14", deadline: Day(iso: "2024-03-20")!)
        let day = Day(iso: "2024-03-04")!
        #expect(model.reactions(to: letter, outcome: .delivered, on: day) == model.reactions(to: letter, outcome: .delivered, on: day))
        let other = BehaviourModel(seed: 43)
        #expect(ids.map { other.debtor($0).profile } != forward.map(\.profile))
    }

    /// Over many dossiers the profiles come out in the shares the knobs ask for.
    @Test func profileSharesMatchTheKnobs() {
        let count = 20_000
        var seen: [BehaviourProfile: Int] = [:]
        for number in 1...count { seen[model.debtor(Dossier.ID("C00002/D\(number)#1")).profile, default: 0] += 1 }
        let total = BehaviourKnobs.reference.profileShares.values.reduce(0, +)
        for profile in BehaviourProfile.allCases {
            let expected = (BehaviourKnobs.reference.profileShares[profile] ?? 0) / total
            let actual = Double(seen[profile] ?? 0) / Double(count)
            #expect(abs(actual - expected) < 0.012, "\(profile): \(actual) against \(expected)")
        }
    }

    /// Channel, timing and tone change how likely a debtor acts, so strategies differ measurably.
    @Test func channelTimingAndToneMatter() {
        let debtors = (1...3_000).map { model.debtor(Dossier.ID("C00003/D\($0)#1")) }
        let young = debtors.first { $0.ageYears < 35 }!
        let older = debtors.first { $0.ageYears >= 60 }!
        let morning = message(young.dossierID.rawValue, template: "reminder-morning")
        let evening = message(young.dossierID.rawValue, template: "reminder-evening")
        #expect(model.responsiveness(to: morning, of: young) > model.responsiveness(to: evening, of: young))
        let letterYoung = message(young.dossierID.rawValue, channel: .letter)
        let letterOlder = message(older.dossierID.rawValue, channel: .letter)
        #expect(model.responsiveness(to: letterOlder, of: older) > model.responsiveness(to: letterYoung, of: young))
        let plain = message(older.dossierID.rawValue, channel: .letter)
        let inClientName = message(older.dossierID.rawValue, channel: .letter, inClientName: true)
        #expect(model.responsiveness(to: inClientName, of: older) > model.responsiveness(to: plain, of: older))
    }

    /// More payers pay after a pre-collection reminder in the client's name than after a plain one.
    @Test func aClientNameReminderIsPaidMoreOften() {
        let day = Day(iso: "2024-03-04")!
        func payers(inClientName: Bool) -> Int {
            (1...4_000).filter { number in
                let reminder = message("C00004/D\(number)#1", channel: .letter, template: "pre-reminder", inClientName: inClientName)
                return model.reactions(to: reminder, outcome: .delivered, on: day).contains {
                    if case .payInFull = $0.action { return true } else { return false }
                }
            }.count
        }
        #expect(payers(inClientName: true) > payers(inClientName: false))
    }

    /// A message that did not reach the debtor gets no reaction; service messages are told apart.
    @Test func onlyWhatArrivesIsAnswered() {
        let day = Day(iso: "2024-03-04")!
        for number in 1...300 {
            let letter = message("C00005/D\(number)#1", channel: .letter, template: "letter-14", deadline: day.adding(days: 16))
            #expect(model.reactions(to: letter, outcome: .failed(reason: "bounced"), on: day).isEmpty)
            #expect(model.reactions(to: letter, outcome: .called(answered: false), on: day).isEmpty)
        }
        #expect(ContactStage.of(message(reason: "arrangement agreed")) == .service)
        #expect(ContactStage.of(message(channel: .letter, deadline: day)) == .reminderLetter)
        #expect(ContactStage.of(message(inClientName: true)) == .preCollection)
        #expect(ContactStage.of(message(channel: .phone)) == .call)
    }

    /// A keeper pays every instalment, the last one whatever is left; a breaker stops early.
    @Test func instalmentsFollowTheProfile() {
        let day = Day(iso: "2024-03-04")!
        let debtors = (1...3_000).map { model.debtor(Dossier.ID("C00006/D\($0)#1")) }
        let breaker = debtors.first { $0.profile == .arrangementBreaker }!
        let paid = model.instalments(
            of: breaker.dossierID, agreedOn: day, months: 6, monthlyInstalment: Money(euros: 100), firstDueDay: day.adding(days: 14))
        #expect((1...3).contains(paid.count))
        let keepers = debtors.filter { $0.profile == .arrangementKeeper }.prefix(50)
        let full = keepers.map {
            model.instalments(of: $0.dossierID, agreedOn: day, months: 6, monthlyInstalment: Money(euros: 100), firstDueDay: day)
        }.filter { $0.count == 6 }
        #expect(full.count >= 35)
        if case .payInFull = full[0].last!.action {} else { Issue.record("the last instalment pays what is left") }
    }
}
