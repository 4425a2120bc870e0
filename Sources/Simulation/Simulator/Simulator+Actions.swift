import Foundation
import Domain
import Engine
import Money
import Operations
import Store

extension Simulator {
    /// Carries out the debtors' actions of `day`: payments through `PaymentIntake`, responses through
    /// the store's `recordResponse` (which wakes the dossier), and the portal logins, inbound calls and
    /// surveys as journal events. Actions of dossiers closed meanwhile are dropped, except surveys.
    func carryOut(_ actions: [ScheduledAction], on day: Day, into summary: inout SimulationSummary) async throws {
        guard !actions.isEmpty else { return }
        let ids = Array(Set(actions.map(\.dossierID)))
        let balances = try await store.balances(of: ids)
        let dossiers = try await store.dossiers(ids)
        let encoder = CanonicalJSONEncoder()
        var payments: [ReceivedPayment] = []
        var paidInFull: Set<Dossier.ID> = []
        var paidSoFar: [Dossier.ID: Money] = [:]
        var events: [JournalEvent] = []
        var responses: [(Dossier.ID, String)] = []
        for scheduled in actions {
            guard let dossier = dossiers[scheduled.dossierID] else { continue }
            let open = dossier.state != .closed
            let outstanding = (balances[dossier.id]?.outstanding ?? .zero) - (paidSoFar[dossier.id] ?? .zero)
            switch scheduled.action {
            case .payInFull(let reference):
                // One full payment a dossier a day, however many reminders prompted it.
                guard open, outstanding.isPositive, paidInFull.insert(dossier.id).inserted else { continue }
                payments.append(ReceivedPayment(dossierID: dossier.id, day: day, amount: outstanding, reference: reference))
                paidSoFar[dossier.id, default: .zero] += outstanding
            case .pay(let amount, let reference):
                let paid = Money.min(amount, outstanding)
                guard open, paid.isPositive else { continue }
                payments.append(ReceivedPayment(dossierID: dossier.id, day: day, amount: paid, reference: reference))
                paidSoFar[dossier.id, default: .zero] += paid
            case .respond(let kind):
                guard open else { continue }
                responses.append((dossier.id, try encoder.encode(kind)))
            case .portalLogin:
                guard open else { continue }
                events.append(JournalEvent.portalLogin(dossier.id, on: day, client: dossier.clientID))
            case .inboundCall:
                guard open else { continue }
                events.append(JournalEvent.callMade(dossier.id, on: day, client: dossier.clientID, direction: .inbound))
            case .survey(let score):
                events.append(JournalEvent.surveyAnswered(dossier.id, on: day, client: dossier.clientID, score: score))
            }
        }
        // The day's responses, events and payments in one transaction with the mark that says they
        // were carried out (as a portal would batch a busy minute: one commit, not thousands), so a
        // resumed simulation neither repeats nor loses them.
        let outcomes = try await store.intakeTransaction { transaction in
            guard let store = transaction as? any SimulationStore else {
                preconditionFailure("a simulation store's transaction is a simulation store")
            }
            for (dossierID, json) in responses {
                _ = try await store.recordResponse(dossierID: dossierID, day: day, response: json)
            }
            if !events.isEmpty { try await store.appendJournal(events, recordedAt: clock()) }
            let outcomes = try await PaymentIntake(store: store, recordedAt: clock()).record(payments)
            try await store.setSimulationMark(Mark.actionsCarriedOut, to: day.description)
            return outcomes
        }
        summary.responses += responses.count
        summary.count(events)
        for (payment, outcome) in zip(payments, outcomes) where outcome == .booked {
            summary.payments += 1
            summary.collected += payment.amount
            summary.eventsByType[.paymentReceived, default: 0] += 1
        }
    }
}
