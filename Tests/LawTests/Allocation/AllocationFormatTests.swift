import Foundation
import Law
import Money
import Testing

/// The JSON format of `adem calc allocate` (docs/allocation.md).
@Suite struct AllocationFormatTests {
    static let input = """
        {"payment": "500.00", "day": "2025-06-01", "designatedDebt": "INV-2", "debts": [
          {"id": "INV-1", "due": "2024-01-31", "principal": "1000.00", "interest": "68.00", "costs": "150.00", "interestKind": "consumer"},
          {"id": "INV-2", "due": "2025-05-01", "principal": "250.00", "interest": "0.00", "costs": "40.00", "interestKind": "none"}
        ]}
        """

    @Test func theDocumentedExampleRoundTrips() throws {
        let request = try JSONDecoder().decode(AllocationRequest.self, from: Data(Self.input.utf8))
        #expect(request.payment == Money(euros: 500))
        #expect(request.designatedDebt == "INV-2")
        #expect(request.debts[0].balance.costs == Money(euros: 150))

        let result = try request.allocate()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(result), as: UTF8.self)
        #expect(
            json == """
                {"debts":[{"id":"INV-1","remaining":{"costs":"0.00","interest":"8.00","principal":"1000.00"},\
                "toCosts":"150.00","toInterest":"60.00","toPrincipal":"0.00"},\
                {"id":"INV-2","remaining":{"costs":"0.00","interest":"0.00","principal":"0.00"},\
                "toCosts":"40.00","toInterest":"0.00","toPrincipal":"250.00"}],\
                "order":["INV-2","INV-1"],"payment":"500.00","unallocated":"0.00"}
                """)
        #expect(try JSONDecoder().decode(PaymentAllocation.self, from: Data(json.utf8)) == result)
        #expect(try JSONDecoder().decode(AllocationRequest.self, from: try encoder.encode(request)) == request)
    }

    @Test func aBadAmountIsRejectedWithItsReason() {
        let input = Self.input.replacingOccurrences(of: "\"500.00\"", with: "\"-5\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AllocationRequest.self, from: Data(input.utf8)) }
    }

    @Test func theDesignationMayBeLeftOut() throws {
        let input = Self.input.replacingOccurrences(of: "\"designatedDebt\": \"INV-2\", ", with: "")
        let request = try JSONDecoder().decode(AllocationRequest.self, from: Data(input.utf8))
        #expect(request.designatedDebt == nil)
        #expect(try request.allocate().order == ["INV-1", "INV-2"])
    }
}
