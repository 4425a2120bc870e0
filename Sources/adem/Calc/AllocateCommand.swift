import ArgumentParser
import Foundation
import Law
import Money

/// `adem calc allocate`: a payment allocated by law, over one debt or several.
struct AllocateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Allocate a payment: costs, then interest, then principal (art. 6:44 BW); over debts by art. 6:43.",
        discussion: """
            One debt: --payment with --costs, --interest and --principal. Several debts: --input FILE \
            (JSON, `-` for standard input; format and the "most onerous" ranking in docs/allocation.md).
            """
    )

    /// The largest input file read, in bytes.
    static let inputBytesMax = 16 * 1024 * 1024

    @Option(name: .long, help: "The amount paid (one debt).")
    var payment: String?

    @Option(name: .long, help: "Collection costs owed on the debt.")
    var costs: String?

    @Option(name: .long, help: "Interest accrued on the debt.")
    var interest: String?

    @Option(name: .long, help: "Principal owed on the debt.")
    var principal: String?

    @Option(
        name: .long, help: "A JSON file with a payment and several debts (docs/allocation.md); - for standard input.")
    var input: String?

    @OptionGroup var output: OutputOptions

    func run() async throws {
        if let input {
            guard payment == nil, costs == nil, interest == nil, principal == nil else {
                throw ValidationError(
                    "--input: give either --input or --payment with --costs, --interest and --principal")
            }
            try allocateMany(request: try Self.readRequest(input))
        } else {
            guard let payment else { throw ValidationError("--payment: an amount is required (or use --input)") }
            let paid = try Arguments.amount(payment, option: "--payment")
            let balance = DebtBalance(
                costs: try Arguments.amount(costs ?? "0", option: "--costs"),
                interest: try Arguments.amount(interest ?? "0", option: "--interest"),
                principal: try Arguments.amount(principal ?? "0", option: "--principal"))
            allocateOne(Allocation(payment: paid, to: balance))
        }
    }

    private func allocateOne(_ allocation: Allocation) {
        var table = TextTable("", "Allocated", "Remaining", rightAligned: [1, 2])
        table.add("Costs", allocation.toCosts.dutchDisplay, allocation.remaining.costs.dutchDisplay)
        table.add("Interest", allocation.toInterest.dutchDisplay, allocation.remaining.interest.dutchDisplay)
        table.add("Principal", allocation.toPrincipal.dutchDisplay, allocation.remaining.principal.dutchDisplay)
        table.add("Unallocated", allocation.unallocated.dutchDisplay, "")
        output.emit(
            json: .object([
                ("toCosts", .money(allocation.toCosts)), ("toInterest", .money(allocation.toInterest)),
                ("toPrincipal", .money(allocation.toPrincipal)), ("unallocated", .money(allocation.unallocated)),
                ("remaining", .balance(allocation.remaining)),
            ]),
            table: "Allocation by art. 6:44 BW: costs, then interest, then principal\n\n" + table.rendered)
    }

    private func allocateMany(request: AllocationRequest) throws {
        let result: PaymentAllocation
        do {
            result = try request.allocate()
        } catch {
            throw ValidationError("--input: \(error.description)")
        }
        var table = TextTable(
            "Debt", "To costs", "To interest", "To principal", "Remaining", rightAligned: [1, 2, 3, 4])
        for id in result.order {
            guard let debt = result.debts.first(where: { $0.id == id }) else { continue }
            table.add(
                debt.id, debt.toCosts.dutchDisplay, debt.toInterest.dutchDisplay, debt.toPrincipal.dutchDisplay,
                debt.remaining.total.dutchDisplay)
        }
        let debts = result.debts.map { debt in
            JSONOutput.object([
                ("id", .string(debt.id)), ("toCosts", .money(debt.toCosts)), ("toInterest", .money(debt.toInterest)),
                ("toPrincipal", .money(debt.toPrincipal)), ("remaining", .balance(debt.remaining)),
            ])
        }
        output.emit(
            json: .object([
                ("payment", .money(result.payment)), ("order", .array(result.order.map { .string($0) })),
                ("debts", .array(debts)), ("unallocated", .money(result.unallocated)),
            ]),
            table: "Payment \(result.payment.dutchDisplay) on \(request.day), in the order of art. 6:43 BW\n\n"
                + table.rendered + "\n\nUnallocated  \(result.unallocated.dutchDisplay)")
    }

    /// Reads and decodes the request, naming the field at fault in one line.
    static func readRequest(_ path: String) throws -> AllocationRequest {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw ValidationError("--input: cannot read '\(path)'")
            }
            data = contents
        }
        guard data.count <= inputBytesMax else {
            throw ValidationError("--input: the file is larger than \(inputBytesMax) bytes")
        }
        do {
            return try JSONDecoder().decode(AllocationRequest.self, from: data)
        } catch let error as DecodingError {
            throw ValidationError("--input: \(error.oneLine)")
        } catch {
            throw ValidationError("--input: not valid JSON")
        }
    }
}

extension JSONOutput {
    /// An amount as a string with two decimals.
    static func money(_ amount: Money) -> JSONOutput { .string(amount.description) }

    /// A debt's remaining costs, interest and principal.
    static func balance(_ balance: DebtBalance) -> JSONOutput {
        .object([
            ("costs", .money(balance.costs)), ("interest", .money(balance.interest)),
            ("principal", .money(balance.principal)),
        ])
    }
}

extension DecodingError {
    /// The path to the field and the reason, in one line: `debts[1].principal: '1.234' is ambiguous ...`.
    var oneLine: String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text.isEmpty ? "the document" : text
        }
        switch self {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(_, let context): return "\(path(context.codingPath)): \(context.debugDescription)"
        case .valueNotFound(_, let context): return "\(path(context.codingPath)): missing value"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "not valid JSON" : "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(self)"
        }
    }
}
