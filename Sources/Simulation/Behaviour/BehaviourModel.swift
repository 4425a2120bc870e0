public import Domain
public import Engine
public import Money
public import Operations

/// Something a simulated debtor does on a day.
public enum SimulatedAction: Hashable, Sendable {
    /// Pays what is outstanding on the day (by transfer or the portal's payment link).
    case payInFull(reference: String)
    /// Pays `amount` (an instalment).
    case pay(amount: Money, reference: String)
    /// A response the engine acts on (dispute, arrangement request, help, counselling ...).
    case respond(DebtorResponse.Kind)
    /// Logs in to the portal.
    case portalLogin
    /// Calls the agency.
    case inboundCall
    /// Answers the satisfaction survey after a contact.
    case survey(score: Int)
}

/// An action of one dossier's debtor on a day.
public struct ScheduledAction: Hashable, Sendable {
    /// The day it happens.
    public let day: Day
    /// The dossier.
    public let dossierID: Dossier.ID
    /// What the debtor does.
    public let action: SimulatedAction

    /// An action.
    public init(day: Day, dossierID: Dossier.ID, action: SimulatedAction) {
        self.day = day
        self.dossierID = dossierID
        self.action = action
    }
}

/// What kind of contact a planned message is, as a debtor experiences it.
public enum ContactStage: String, Hashable, Sendable {
    /// A reminder in the client's own name, before collection.
    case preCollection
    /// The 14-day letter.
    case reminderLetter
    /// A later reminder (e-mail, SMS, letter).
    case reminder
    /// An outbound call.
    case call
    /// A message that answers the debtor (arrangement confirmation, instalment signals, debt help).
    case service

    /// The stage of `message`: strategy steps say so by their reason; everything else is service.
    public static func of(_ message: OutboxMessage) -> ContactStage {
        guard message.reason.hasPrefix("strategy ") else { return .service }
        if message.channel == .phone { return .call }
        if message.inClientName { return .preCollection }
        if message.deadline != nil { return .reminderLetter }
        return .reminder
    }
}

/// The pure behaviour model: given the seed and the knobs, what the channels do with a message and
/// how a debtor reacts. Every draw comes from the dossier's own stream, keyed on the occasion, so
/// results do not depend on the order dossiers are processed or on how many there are.
public struct BehaviourModel: Sendable {
    /// The simulation's seed.
    public let seed: UInt64
    /// The calibration.
    public let knobs: BehaviourKnobs

    /// A model.
    public init(seed: UInt64, knobs: BehaviourKnobs = .reference) {
        self.seed = seed
        self.knobs = knobs
    }

    /// The debtor of a dossier.
    public func debtor(_ dossierID: Dossier.ID) -> SimulatedDebtor {
        SimulatedDebtor.draw(dossierID, seed: seed, knobs: knobs)
    }

    /// The simulated channel: letters arrive, some e-mails bounce, some SMS fail, calls are answered or not.
    public func outcome(of message: OutboxMessage) -> DeliveryOutcome {
        let debtor = debtor(message.dossierID)
        var random = debtor.random(seed: seed, occasion: Self.occasion(message) + "/channel")
        switch message.channel {
        case .letter, .portal: return .delivered
        case .email: return random.chance(knobs.emailBounce) ? .failed(reason: "bounced") : .delivered
        case .sms: return random.chance(knobs.smsFailure) ? .failed(reason: "undeliverable") : .delivered
        case .phone:
            let answered = knobs.callAnswered * (debtor.ageYears >= 60 ? 1.3 : debtor.ageYears < 35 ? 0.8 : 1)
            return .called(answered: random.chance(answered))
        }
    }

    /// The minute of the day an e-mail or SMS goes out: a template named `...morning...` is sent
    /// 08:00-10:00, `...evening...` 18:00-20:00, anything else at a random moment of its window.
    public func sendMinute(of message: OutboxMessage) -> Int {
        var random = debtor(message.dossierID).random(seed: seed, occasion: message.id + "/minute")
        if Self.names(message.template, "morning") { return random.integer(in: 480...599) }
        if Self.names(message.template, "evening") { return random.integer(in: 1080...1199) }
        let start = max(480, message.window.startMinute)
        let end = min(1259, message.window.endMinute - 1)
        return start <= end ? random.integer(in: start...end) : message.window.startMinute
    }

    /// Whether a template's name holds `word`, compared byte by byte: the string-processing library's
    /// `contains` cost 1.7% of a simulated year's processor time here.
    static func names(_ template: String, _ word: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        let found = template.utf8.withContiguousStorageIfAvailable { name -> Bool in
            guard name.count >= needle.count else { return false }
            return (0...(name.count - needle.count)).contains { start in
                name[start..<start + needle.count].elementsEqual(needle)
            }
        }
        return found ?? template.contains(String(decoding: needle, as: UTF8.self))
    }

    /// How much more (or less) likely a debtor acts on this message than on a plain one: channel and
    /// moment fitting the debtor's age, the tone of the template, and the client's own name.
    public func responsiveness(to message: OutboxMessage, of debtor: SimulatedDebtor) -> Double {
        let fit = knobs.channelFitEffect
        var factor = 1.0
        switch message.channel {
        case .email, .sms:
            if debtor.ageYears < 35 { factor *= sendMinute(of: message) < 720 ? fit : 1.05 }
            if debtor.ageYears >= 60 { factor /= fit }
        case .letter:
            if debtor.ageYears >= 60 { factor *= fit }
            if debtor.ageYears < 35 { factor /= fit }
        case .phone, .portal:
            break
        }
        if Self.names(message.template, "friendly") || Self.names(message.template, "personal") { factor *= 1.15 }
        if Self.names(message.template, "formal") || Self.names(message.template, "final") { factor *= 0.9 }
        if message.inClientName { factor *= knobs.clientNameEffect }
        return factor
    }

    /// What the debtor does after `message` reached them (nothing when it did not). `day` is the
    /// day of delivery.
    public func reactions(to message: OutboxMessage, outcome: DeliveryOutcome, on day: Day) -> [ScheduledAction] {
        guard outcome.reachedDebtor else { return [] }
        let debtor = debtor(message.dossierID)
        var random = debtor.random(seed: seed, occasion: Self.occasion(message))
        let stage = ContactStage.of(message)
        let factor = responsiveness(to: message, of: debtor)
        var plan = ReactionPlan(dossierID: message.dossierID, reference: "sim:" + message.id)
        // A call that was answered is a conversation: some debtors rate it.
        if stage == .call, random.chance(knobs.surveyAnswered) {
            plan.add(day.adding(days: 1), .survey(score: score(debtor.profile, &random)))
        }
        switch debtor.profile {
        case .payerOnFirstReminder, .payerAfterLetter, .payerAfterCall:
            let base = payChance(debtor.profile, stage)
            guard random.chance(min(0.98, base * factor)) else { break }
            let lag = random.integer(in: 1...6)
            act(plan: &plan, debtor, on: day.adding(days: lag), &random, .payInFull(reference: plan.reference))
        case .arrangementKeeper, .arrangementBreaker:
            let base: Double =
                switch stage {
                case .reminderLetter: 0.6
                case .reminder, .call: debtor.profile == .arrangementKeeper ? knobs.lateResponse * 2 : knobs.lateResponse
                case .preCollection, .service: 0
                }
            guard random.chance(min(0.95, base * factor)) else { break }
            act(plan: &plan, debtor, on: day.adding(days: random.integer(in: 2...10)), &random,
                .respond(.arrangementRequested(debtor.circumstances)))
        case .disputer:
            // The 14-day letter is the one contact a debtor gets once, so a debtor disputes once.
            guard stage == .reminderLetter, random.chance(0.85) else { break }
            let opened = day.adding(days: random.integer(in: 2...9))
            act(plan: &plan, debtor, on: opened, &random, .respond(.disputeOpened(reason: random.pick(Self.disputeReasons))))
            let upheld = random.chance(0.35)
            let resolved = opened.adding(days: random.integer(in: 21...45))
            plan.add(resolved, .respond(.disputeResolved(upheld: upheld)))
            if !upheld, random.chance(0.5) {
                plan.add(resolved.adding(days: random.integer(in: 7...20)), .payInFull(reference: plan.reference + "/after-dispute"))
            }
        case .helpSeeker:
            guard stage == .reminderLetter, random.chance(0.8) else { break }
            let asked = day.adding(days: random.integer(in: 2...10))
            act(plan: &plan, debtor, on: asked, &random, .respond(.helpRequested))
            if random.chance(0.5) {
                plan.add(asked.adding(days: random.integer(in: 14...30)), .respond(.arrangementRequested(debtor.circumstances)))
            }
        case .debtCounselling:
            guard stage == .reminderLetter, random.chance(0.85) else { break }
            let started = day.adding(days: random.integer(in: 5...20))
            let consent = random.chance(0.85)
            let counsellor = "Schuldhulp " + random.pick(Self.counsellors)
            act(plan: &plan, debtor, on: started, &random, .respond(.debtCounsellingStarted(counsellor: counsellor, consent: consent)))
            // Some counselling ends in a settlement the client accepts (schuldregeling).
            if consent, random.chance(0.4) { plan.add(started.adding(days: random.integer(in: 120...240)), .respond(.settled)) }
        case .vulnerable:
            guard stage == .preCollection || stage == .reminderLetter, random.chance(0.7) else { break }
            let signalled = day.adding(days: random.integer(in: 1...4))
            plan.add(signalled, .respond(.vulnerabilitySignalled(note: random.pick(Self.vulnerabilityNotes))))
            let reviewed = signalled.adding(days: random.integer(in: 10...20))
            let allowed = random.chance(0.6)
            plan.add(reviewed, .respond(.vulnerabilityReviewed(contactAllowed: allowed)))
            if allowed, random.chance(0.5) {
                plan.add(reviewed.adding(days: random.integer(in: 7...21)), .respond(.arrangementRequested(debtor.circumstances)))
            }
        case .silent:
            break
        }
        return plan.actions
    }

    /// The instalments a debtor with an arrangement pays: all of them for a keeper, one to three for a
    /// breaker (then nothing). The last one pays whatever is left.
    public func instalments(
        of dossierID: Dossier.ID, agreedOn day: Day, months: Int, monthlyInstalment: Money, firstDueDay: Day
    ) -> [ScheduledAction] {
        let debtor = debtor(dossierID)
        var random = debtor.random(seed: seed, occasion: "arrangement/\(day)")
        let kept =
            switch debtor.profile {
            case .arrangementBreaker: random.integer(in: 1...3)
            case .helpSeeker, .vulnerable: random.chance(0.7) ? months : random.integer(in: 1...3)
            default: random.chance(0.9) ? months : random.integer(in: 1...4)
            }
        return (0..<min(kept, months)).map { index in
            let due = firstDueDay.adding(months: index).adding(days: random.integer(in: -2...1))
            let reference = "sim:instalment:\(day):\(index + 1)"
            let action: SimulatedAction =
                index == months - 1 ? .payInFull(reference: reference) : .pay(amount: monthlyInstalment, reference: reference)
            return ScheduledAction(day: max(due, day.adding(days: 1)), dossierID: dossierID, action: action)
        }
    }

    /// The name of a contact's random draws: its day and stage, not its template, so two strategies
    /// that contact a debtor on the same day draw the same numbers (common random numbers) and
    /// differ only by the effects of channel, timing and tone.
    static func occasion(_ message: OutboxMessage) -> String {
        "\(message.plannedDay)/\(ContactStage.of(message).rawValue)/\(message.channel.rawValue)"
    }

    /// The chance a payer pays on a contact of `stage` before modifiers.
    func payChance(_ profile: BehaviourProfile, _ stage: ContactStage) -> Double {
        switch (profile, stage) {
        case (.payerOnFirstReminder, .preCollection), (.payerOnFirstReminder, .reminderLetter): knobs.payerResponse
        case (.payerAfterLetter, .reminderLetter): knobs.payerResponse
        case (.payerAfterCall, .call): 0.85
        case (_, .service), (.payerAfterCall, .preCollection), (.payerAfterCall, .reminderLetter): 0
        case (.payerAfterLetter, .preCollection): 0.05
        default: knobs.lateResponse
        }
    }

    /// An action the debtor takes online (a portal login first) or by phone (an inbound call first),
    /// with a survey afterwards for some.
    func act(plan: inout ReactionPlan, _ debtor: SimulatedDebtor, on day: Day, _ random: inout SeededRandom, _ action: SimulatedAction) {
        if debtor.online {
            plan.add(day, .portalLogin)
        } else if random.chance(knobs.inboundCall) {
            plan.add(day, .inboundCall)
        }
        plan.add(day, action)
        if random.chance(knobs.surveyAnswered * (debtor.online ? 1 : 0.5)) {
            plan.add(day.adding(days: 1), .survey(score: score(debtor.profile, &random)))
        }
    }

    /// A satisfaction score: those helped are mostly content, those who dispute less so.
    func score(_ profile: BehaviourProfile, _ random: inout SeededRandom) -> Int {
        switch profile {
        case .disputer: random.pick([(1, 0.25), (2, 0.25), (3, 0.25), (4, 0.15), (5, 0.10)])
        case .silent: random.pick([(2, 0.2), (3, 0.4), (4, 0.3), (5, 0.1)])
        default: random.pick([(2, 0.04), (3, 0.12), (4, 0.44), (5, 0.40)])
        }
    }

    static let disputeReasons: [(String, Double)] = [
        ("Ik heb deze factuur al betaald", 3), ("Het product is nooit geleverd", 2), ("Het bedrag klopt niet", 2),
        ("Het contract was opgezegd", 1),
    ]
    static let counsellors: [(String, Double)] = [
        ("Amsterdam", 3), ("Rotterdam", 2), ("Utrecht", 1), ("Groningen", 1), ("Eindhoven", 1), ("WSNP-bewindvoerder", 1),
    ]
    static let vulnerabilityNotes: [(String, Double)] = [
        ("Ik ben ernstig ziek en kan niet werken", 2), ("Mijn partner is overleden", 1),
        ("Ik heb mijn baan verloren en kan de huur niet betalen", 2), ("Ik zit in de schuldsanering en heb hulp nodig", 1),
    ]
}

/// The actions of one reaction, collected in order.
struct ReactionPlan {
    let dossierID: Dossier.ID
    let reference: String
    private(set) var actions: [ScheduledAction] = []

    init(dossierID: Dossier.ID, reference: String) {
        self.dossierID = dossierID
        self.reference = reference
    }

    mutating func add(_ day: Day, _ action: SimulatedAction) {
        actions.append(ScheduledAction(day: day, dossierID: dossierID, action: action))
    }
}
