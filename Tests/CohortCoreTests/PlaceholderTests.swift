import Testing
@testable import CohortCore
@Test func placeholder() { #expect(CohortCoreVersion.value == "0.1.0") }
