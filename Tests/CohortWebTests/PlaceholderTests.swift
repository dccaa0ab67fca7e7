import Testing
import VaporTesting
@testable import CohortWeb
@Test func webPlaceholder() { #expect(true) }
