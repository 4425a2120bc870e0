public import Money

/// The accounts of a dossier's double-entry ledger.
///
/// Sign convention: a posting's amount is positive for a debit, negative for a credit. The debtor's
/// receivable is the asset side: a claim of EUR 100 debits `debtorReceivable` +100 and credits
/// `principal` -100, so the dossier's outstanding balance is the receivable's balance.
public enum LedgerAccount: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// What the debtor owes in all (the asset side of every claim, interest and cost).
    case debtorReceivable
    /// The invoices handed over (credit).
    case principal
    /// Statutory or contractual interest accrued (credit).
    case interest
    /// Collection costs charged (credit).
    case costs
    /// Money received from the debtor (debit: cash in).
    case paymentsReceived
    /// Amounts forgiven or found uncollectable.
    case writeOff
    /// Money passed on to the client (credit from cash).
    case remittance

    public static func < (left: Self, right: Self) -> Bool { left.rawValue < right.rawValue }

    /// The account's place in `allCases`.
    public var ordinal: Int {
        switch self {
        case .debtorReceivable: 0
        case .principal: 1
        case .interest: 2
        case .costs: 3
        case .paymentsReceived: 4
        case .writeOff: 5
        case .remittance: 6
        }
    }
}

/// One line of a ledger transaction.
public struct Posting: Hashable, Sendable, Codable {
    /// The account posted to.
    public let account: LedgerAccount
    /// Positive for a debit, negative for a credit.
    public let amount: Money

    /// A posting of `amount` to `account`.
    public init(_ account: LedgerAccount, _ amount: Money) {
        self.account = account
        self.amount = amount
    }
}

/// A balanced set of postings on one dossier, on one day: the only way money moves in a ledger.
///
/// Built transactions and transactions loaded from a store both pass through `init`, which stops
/// the program if the postings do not sum to zero (a broken ledger is a programmer error).
public struct LedgerTransaction: Identifiable, Hashable, Sendable, Codable {
    /// A transaction's id, chosen by the caller as a natural key (e.g. `claim:ACME/F-1001`).
    public typealias ID = Identifier<LedgerTransaction>

    /// The transaction's id.
    public let id: ID
    /// The dossier whose ledger this belongs to.
    public let dossierID: Dossier.ID
    /// The booking day.
    public let day: Day
    /// What the transaction records, in a few words.
    public let memo: String
    /// The transaction this one reverses, if it is a correction.
    public let reverses: ID?
    /// The postings, in order; they sum to zero.
    public let postings: [Posting]

    /// A transaction; at least two postings that sum to zero.
    public init(id: ID, dossierID: Dossier.ID, day: Day, memo: String, postings: [Posting], reverses: ID? = nil) {
        precondition(postings.count >= 2, "a ledger transaction has at least two postings")
        precondition(postings.reduce(Money.zero) { $0 + $1.amount }.isZero, "ledger transaction \(id) does not balance")
        self.id = id
        self.dossierID = dossierID
        self.day = day
        self.memo = memo
        self.postings = postings
        self.reverses = reverses
    }

    /// A correction: the same postings with signs flipped, referring to this one. Ledgers are never edited.
    public func reversal(id reversalID: ID, on day: Day, memo: String) -> LedgerTransaction {
        LedgerTransaction(
            id: reversalID, dossierID: dossierID, day: day, memo: memo,
            postings: postings.map { Posting($0.account, -$0.amount) }, reverses: id)
    }

    /// The transaction that hands a claim's principal over: receivable up, principal credited.
    public static func claimHandedOver(_ claim: Claim, on day: Day) -> LedgerTransaction {
        LedgerTransaction(
            id: ID("claim:\(claim.id.rawValue)"), dossierID: claim.dossierID, day: day,
            memo: "claim \(claim.invoiceNumber)",
            postings: [Posting(.debtorReceivable, claim.principal), Posting(.principal, -claim.principal)])
    }
}

/// Account balances derived from transactions; never stored.
public struct LedgerBalances: Hashable, Sendable {
    /// Balance per account, in the order of `LedgerAccount.allCases` (zero for an account without
    /// postings): a fixed array rather than a dictionary, as the daily run builds one per dossier.
    private var balances = [Money](repeating: .zero, count: Self.accounts)

    /// How many accounts there are (`allCases` builds its array on every call).
    private static let accounts = LedgerAccount.allCases.count

    /// Balance per account; an account without postings, or whose postings add up to zero, is
    /// absent (reads as zero). So balances summed from postings and balances kept as running totals
    /// compare equal.
    public var byAccount: [LedgerAccount: Money] {
        var accounts: [LedgerAccount: Money] = [:]
        for account in LedgerAccount.allCases where balances[account.ordinal] != .zero {
            accounts[account] = balances[account.ordinal]
        }
        return accounts
    }

    /// Balances from per-account sums (as a store adds them up); they must add up to zero, as every
    /// transaction does.
    public init(sums: [(LedgerAccount, Money)]) {
        for (account, amount) in sums { balances[account.ordinal] += amount }
        precondition(total == .zero, "ledger balances of a dossier add up to zero")
    }

    /// The balances of `transactions`.
    public init(_ transactions: some Sequence<LedgerTransaction>) {
        for transaction in transactions { add(transaction) }
    }

    /// Adds one transaction's postings.
    public mutating func add(_ transaction: LedgerTransaction) {
        for posting in transaction.postings { balances[posting.account.ordinal] += posting.amount }
    }

    /// The balance of `account`.
    public subscript(account: LedgerAccount) -> Money { balances[account.ordinal] }

    /// What the debtor still owes.
    public var outstanding: Money { self[.debtorReceivable] }

    /// The sum over all accounts: zero for any set of balanced transactions.
    public var total: Money { balances.reduce(.zero, +) }

    /// Whether every account is at zero (no postings, or postings that cancel out).
    public var isEmpty: Bool { balances.allSatisfy { $0 == .zero } }
}
