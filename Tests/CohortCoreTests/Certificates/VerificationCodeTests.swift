import Foundation
import Testing
@testable import CohortCore

@Suite struct VerificationCodeTests {
    @Test func aCodeHasAHundredRandomBitsInGroupsOfFour() {
        let code = VerificationCode.make(using: .seeded(7))
        #expect(code.value.count == 20)
        #expect(code.description.split(separator: "-").map(\.count) == [4, 4, 4, 4, 4])
        #expect(code.value.allSatisfy { VerificationCode.alphabet.contains($0) })
        // 32 symbols × 20 = 100 bits; the seeded source gives the same code, the system one never twice.
        #expect(VerificationCode.make(using: .seeded(7)) == code)
        let many = Set((0..<2000).map { _ in VerificationCode.make(using: .system) })
        #expect(many.count == 2000)
    }

    @Test func whatAPersonTypesIsReadForgivingly() {
        let code = VerificationCode.make(using: .seeded(11))
        #expect(VerificationCode(typed: code.description) == code)
        #expect(VerificationCode(typed: code.value.lowercased()) == code)
        #expect(VerificationCode(typed: " " + code.description.replacingOccurrences(of: "-", with: " ") + " ") == code)
        #expect(VerificationCode(typed: "0000-1111-0000-1111-0000") == VerificationCode(typed: "oooo-IIII-OOOO-llll-0000"))
    }

    @Test(arguments: ["", "ABCD", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01", "ABCD-EFGH-JKMN-PQRS-TVWU", "ABCD/EFGH/JKMN/PQRS/TVWX",
                      "ABCD-EFGH-JKMN-PQRS-TVW\u{0}", String(repeating: "-", count: 1000) + "ABCDEFGHJKMNPQRSTVWX"])
    func anythingElseIsNoCode(text: String) {
        #expect(VerificationCode(typed: text) == nil)
    }
}
