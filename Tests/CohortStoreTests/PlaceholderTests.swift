import Testing
@testable import CohortStore
@Test func storePlaceholder() { #expect(true) }
