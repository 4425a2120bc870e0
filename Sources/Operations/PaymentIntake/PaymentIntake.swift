public import Domain
public import Money
public import Store

/// A payment received for a dossier, as a bank statement line, a payment link or the simulation
/// reports it.
public struct ReceivedPayment: Hashable, Sendable {
    /// The dossier the money is for.
    public let dossierID: Dossier.ID
    /// The business day the money arrived.
    public let day: Day
    /// The gross amount received (positive).
    public let amount: Money
    /// The payer's or provider's reference, unique per dossier: the natural key of the booking.
    public let reference: String

    /// A payment; `amount` must be positive.
    public init(dossierID: Dossier.ID, day: Day, amount: Money, reference: String) {
        precondition(amount.isPositive, "a payment received is positive")
        precondition(!reference.isEmpty, "a payment has a reference")
        self.dossierID = dossierID
        self.day = day
        self.amount = amount
        self.reference = reference
    }

    /// The ledger transaction's id: `payment:DOSSIER:REFERENCE`, so the same payment books once.
    public var transactionID: LedgerTransaction.ID {
        LedgerTransaction.ID("payment:\(dossierID.rawValue):\(reference)")
    }
}

/// What became of a payment handed to `PaymentIntake`.
public enum PaymentIntakeOutcome: Hashable, Sendable {
    /// Booked, journalled, and the dossier is due on the payment's day.
    case booked
    /// The same payment (same reference) was booked before; nothing changed.
    case alreadyBooked
    /// No dossier with that id.
    case unknownDossier
}

/// Records payments received: the use case the simulation, the portal's payment link and the bank
/// import share. One transaction per payment books the money (debit `paymentsReceived`, credit
/// `debtorReceivable`), journals `paymentReceived` and wakes the dossier, whose next daily-run step
/// allocates it (art. 6:44 BW) and closes the dossier when nothing is owed any more.
public struct PaymentIntake: Sendable {
    let store: any IntakeStore
    let recordedAt: String

    /// An intake writing to `store`; `recordedAt` is the wall-clock stamp of its journal events.
    public init(store: any IntakeStore, recordedAt: String) {
        self.store = store
        self.recordedAt = recordedAt
    }

    /// Books `payment` once; a repeat (same dossier and reference) is `alreadyBooked`.
    public func record(_ payment: ReceivedPayment) async throws -> PaymentIntakeOutcome {
        try await record([payment])[0]
    }

    /// Books a day's payments in one transaction (the outcome of each, in order): a bank statement
    /// of thousands of lines costs one commit and a few statements, not thousands.
    public func record(_ payments: [ReceivedPayment]) async throws -> [PaymentIntakeOutcome] {
        guard !payments.isEmpty else { return [] }
        return try await store.intakeTransaction { store in
            let dossiers = try await store.dossiers(payments.map(\.dossierID))
            // Checked before writing, because a refused insert would abort a PostgreSQL transaction.
            var booked = try await store.bookedTransactions(payments.map(\.transactionID))
            var outcomes: [PaymentIntakeOutcome] = []
            var transactions: [LedgerTransaction] = []
            var events: [JournalEvent] = []
            var woken: [Day: [Dossier.ID]] = [:]
            for payment in payments {
                guard let dossier = dossiers[payment.dossierID] else {
                    outcomes.append(.unknownDossier)
                    continue
                }
                guard booked.insert(payment.transactionID).inserted else {
                    outcomes.append(.alreadyBooked)
                    continue
                }
                transactions.append(
                    LedgerTransaction(
                        id: payment.transactionID, dossierID: dossier.id, day: payment.day,
                        memo: "payment \(payment.reference)",
                        postings: [
                            Posting(.paymentsReceived, payment.amount), Posting(.debtorReceivable, -payment.amount),
                        ]))
                events.append(
                    JournalEvent.paymentReceived(
                        dossier.id, on: payment.day, client: dossier.clientID, amount: payment.amount
                    )
                    .addingPayload(["reference": payment.reference]))
                woken[payment.day, default: []].append(dossier.id)
                outcomes.append(.booked)
            }
            try await store.appendLedger(transactions)
            try await store.appendJournal(events, recordedAt: recordedAt)
            for (day, ids) in woken.sorted(by: { $0.key < $1.key }) { try await store.wakeDossiers(ids, on: day) }
            return outcomes
        }
    }
}
