public import Domain
public import Engine
import Foundation
import Law
import Money

/// How a simulated debtor behaves, drawn once per dossier when it is handed over.
public enum BehaviourProfile: String, Hashable, Sendable, CaseIterable, Codable {
    /// Pays in full after the first reminder (usually the one in the client's own name).
    case payerOnFirstReminder
    /// Pays in full after the 14-day letter (veertiendagenbrief).
    case payerAfterLetter
    /// Pays in full after an answered call.
    case payerAfterCall
    /// Asks for an arrangement through the portal and pays every instalment.
    case arrangementKeeper
    /// Asks for an arrangement and stops paying after a few instalments.
    case arrangementBreaker
    /// Disputes the claim; the dispute is later upheld or rejected.
    case disputer
    /// Asks for help; some then ask for an arrangement.
    case helpSeeker
    /// Enters debt counselling (schuldhulpverlening), mostly with consent to refer.
    case debtCounselling
    /// Writes that they are in a vulnerable situation; a person reviews the flag.
    case vulnerable
    /// Never responds.
    case silent

    /// Whether such a debtor lives close to the protected income: those who ask for an arrangement
    /// or for help. Their finances are tighter and their debts larger (`BehaviourKnobs.tightDebtFactor`).
    public var livesCloseToProtectedIncome: Bool {
        [.arrangementKeeper, .arrangementBreaker, .helpSeeker, .vulnerable].contains(self)
    }

    /// How much likelier than its sector's share a debtor of this profile is a business. Debt
    /// counselling and a vulnerable situation are for natural persons; a business that falls behind
    /// mostly has a cash-flow gap and pays once reminded. Over the reference shares the factors
    /// average about one, so the sectors' business shares still hold (`PortfolioGenerator`).
    public var businessLikelihood: Double {
        switch self {
        case .payerOnFirstReminder, .payerAfterLetter, .payerAfterCall: 1.5
        case .debtCounselling, .vulnerable: 0
        case .helpSeeker: 0.5
        case .arrangementKeeper, .arrangementBreaker, .disputer, .silent: 1
        }
    }
}

/// The calibration knobs of the behaviour model: shares of the profiles and the strength of the
/// channel, timing and tone effects. `docs/simulation.md` explains each.
public struct BehaviourKnobs: Hashable, Sendable {
    /// The share of each profile among dossiers (weights; they need not sum to one).
    public var profileShares: [BehaviourProfile: Double]
    /// Chance a payer pays when the contact meant for them reaches them (before modifiers).
    public var payerResponse: Double
    /// Chance any responsive debtor acts on a later contact when the first one meant for them passed.
    public var lateResponse: Double
    /// Share of e-mails that bounce.
    public var emailBounce: Double
    /// Share of SMS that cannot be delivered.
    public var smsFailure: Double
    /// Chance an outbound call is answered (before the age effect).
    public var callAnswered: Double
    /// Chance a debtor who acts also calls the agency.
    public var inboundCall: Double
    /// Chance a survey is answered after an answered call or a portal action.
    public var surveyAnswered: Double
    /// Share of debtors who act online (portal) rather than by bank transfer or phone.
    public var online: Double
    /// Effect of a reminder in the client's own name on payers (multiplier).
    public var clientNameEffect: Double
    /// Effect of a channel matching the debtor's age (young: e-mail/SMS in the morning; older: letters).
    public var channelFitEffect: Double
    /// How much larger (at the median) the claims of debtors who live close to the protected income
    /// are than their sector's: they fell behind for longer before the file was handed over.
    public var tightDebtFactor: Double
    /// How much smaller (at the median) the claims of payers are than their sector's: a bill that is
    /// paid once reminded is mostly a small one that was forgotten or came at a bad moment.
    public var payerDebtFactor: Double
    /// The share of dossiers whose debtor owes several clients at once (the same person at each;
    /// `PortfolioGenerator.sharedPerson`).
    public var multiCreditorShare: Double
    /// How many of those dossiers such a person holds on average.
    public var multiCreditorDossiers: Double

    /// How many times its sector's median a claim of a debtor of `profile` is at the median.
    public func debtFactor(of profile: BehaviourProfile) -> Double {
        switch profile {
        case .payerOnFirstReminder, .payerAfterLetter, .payerAfterCall: payerDebtFactor
        case _ where profile.livesCloseToProtectedIncome: tightDebtFactor
        default: 1
        }
    }

    /// The knobs calibrated towards the reference year (`docs/simulation.md`).
    public static let reference = BehaviourKnobs(
        profileShares: [
            .payerOnFirstReminder: 0.09, .payerAfterLetter: 0.08, .payerAfterCall: 0.07, .arrangementKeeper: 0.15,
            .arrangementBreaker: 0.06, .disputer: 0.03, .helpSeeker: 0.04, .debtCounselling: 0.06, .vulnerable: 0.03,
            .silent: 0.39,
        ],
        payerResponse: 0.6, lateResponse: 0.07, emailBounce: 0.04, smsFailure: 0.03, callAnswered: 0.45,
        inboundCall: 0.65, surveyAnswered: 0.25, online: 0.27, clientNameEffect: 1.25, channelFitEffect: 1.3,
        tightDebtFactor: 2.9, payerDebtFactor: 0.4, multiCreditorShare: 0.35, multiCreditorDossiers: 2)
}

/// One simulated debtor of one dossier: the profile and traits drawn at hand-over.
public struct SimulatedDebtor: Hashable, Sendable {
    /// The dossier.
    public let dossierID: Dossier.ID
    /// The key of the dossier's random stream (a stable hash of its id).
    public let key: UInt64
    /// How the debtor behaves.
    public let profile: BehaviourProfile
    /// Age in years (synthetic; the import carries no birth day).
    public let ageYears: Int
    /// Acts online (portal) rather than by transfer or phone.
    public let online: Bool
    /// Finances stated when asking for an arrangement.
    public let circumstances: DebtorCircumstances

    /// Draws the debtor of `dossierID` from its own stream: the same seed and id give the same
    /// debtor whatever else is simulated and in whatever order.
    public static func draw(_ dossierID: Dossier.ID, seed: UInt64, knobs: BehaviourKnobs) -> SimulatedDebtor {
        let key = StableHash.of(dossierID.rawValue)
        var random = SeededRandom(seed: seed, stream: key, substream: 0)
        let profile = random.pick(BehaviourProfile.allCases.map { ($0, knobs.profileShares[$0] ?? 0) })
        let age = min(90, max(18, Int(random.logNormal(median: 42, sigma: 0.3).rounded())))
        let online = random.chance(age < 35 ? knobs.online * 1.5 : age >= 65 ? knobs.online * 0.4 : knobs.online)
        let couple = random.chance(0.4)
        let household: Household = age >= 67 ? (couple ? .couplePension : .singlePension) : (couple ? .couple : .single)
        // Those who ask for an arrangement or help mostly live close to the protected income.
        let tight = profile.livesCloseToProtectedIncome
        let income = random.logNormal(
            median: tight ? (couple ? 2_450 : 1_800) : (couple ? 2_900 : 2_050), sigma: tight ? 0.1 : 0.22)
        let fixed = tight ? random.logNormal(median: 420, sigma: 0.3) : random.logNormal(median: 180, sigma: 0.5)
        let circumstances = DebtorCircumstances(
            netIncome: Money(cents: Int64(income * 100)), household: household,
            housingCostsRaise: Money(cents: Int64(random.integer(in: 0...150)) * 100), fixedCosts: Money(cents: Int64(fixed * 100)))
        return SimulatedDebtor(
            dossierID: dossierID, key: key, profile: profile, ageYears: age, online: online, circumstances: circumstances)
    }

    /// The debtor's random stream for one occasion (a contact, an instalment), named by `occasion`.
    func random(seed: UInt64, occasion: String) -> SeededRandom {
        SeededRandom(seed: seed, stream: key, substream: StableHash.of(occasion))
    }
}

/// FNV-1a over UTF-8: a hash that, unlike `Hasher`, is the same in every process and on every machine.
public enum StableHash {
    /// The 64-bit FNV-1a hash of `text`.
    public static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
