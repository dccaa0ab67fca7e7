import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// The API's contract and the server agree: every /api/v1 route is in the document with
/// its method, and the document names no route the server does not have.
@Suite struct OpenAPIContractTests {
    @Test func theDocumentAndTheRegisteredRoutesAreTheSame() async throws {
        try await withTestApp(.sqlite) { app async throws in
            let response = try await Browser(app).get("/api/openapi.json")
            #expect(response.status == .ok)
            #expect(response.headers.contentType == .json)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys where ["get", "post", "patch", "put", "delete"].contains(method) {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            let registered = Set(app.routes.all.compactMap { route -> String? in
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                return path.hasPrefix("/api/v1/") ? "\(route.method.rawValue) \(path)" : nil
            })
            #expect(documented.subtracting(registered).isEmpty, "documented but not served: \(documented.subtracting(registered).sorted())")
            #expect(registered.subtracting(documented).isEmpty, "served but not documented: \(registered.subtracting(documented).sorted())")
            // Every operation answers errors in the one shape.
            for (path, operations) in paths {
                for (method, operation) in operations {
                    let responses = try #require((operation as? [String: Any])?["responses"] as? [String: [String: Any]])
                    for (status, answer) in responses where status.hasPrefix("4") {
                        let schema = ((answer["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: String]
                        #expect(schema?["$ref"] == "#/components/schemas/Error", "\(method) \(path) \(status) has another shape")
                    }
                }
            }
        }
    }
}
