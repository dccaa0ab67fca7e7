import CohortCore
import CohortStore
import CohortTestSupport
@testable import CohortWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct SessionMaterialsTests {
    struct Scene {
        let module: ProgramModule
        let publicSession: AgendaSession
        let participantsSession: AgendaSession

        func editor(_ session: AgendaSession) -> String {
            "/staff/programs/mwp-2006/modules/\(module.id.uuidString.lowercased())/agenda/\(session.id.uuidString.lowercased())"
        }
    }

    /// The 2006 workshop: a public session and the participants-only field visit.
    static func scene(_ app: Application) async throws -> Scene {
        let module = try #require(try await ProgramStore(db: app.persistence).detail(slug: "mwp-2006")?.modules.first)
        let sessions = try await AgendaStore(db: app.persistence).entries(moduleID: module.id).map(\.session)
        return Scene(module: module, publicSession: try #require(sessions.first { $0.title.text(in: .english).hasPrefix("ILO standards") }),
                     participantsSession: try #require(sessions.first { $0.visibility == .participants }))
    }

    static let pdf = Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    static func materialIDs(_ app: Application, _ scene: Scene, _ session: AgendaSession) async throws -> [UUID] {
        (try await SessionMaterialStore(db: app.persistence).materials(moduleID: scene.module.id)[session.id] ?? []).map(\.id)
    }

    /// Links and files added from the session's editor show on the agenda with the session;
    /// a file goes to whoever may see its session, and is "not found" for anyone else.
    @Test(arguments: TestDatabaseKind.all)
    func materialsFollowTheirSessionsVisibility(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let scene = try await Self.scene(app)
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let editor = try await admin.get(scene.editor(scene.publicSession))
            #expect(editor.body.string.contains("Materials of this session") && editor.body.string.contains("enctype=\"multipart/form-data\""))
            let added = try await admin.postMultipart(scene.editor(scene.publicSession) + "/materials",
                                                      ["materialTitle": "Slides", "materialLink": ""],
                                                      files: ["materialFile": (name: "slides.pdf", bytes: Self.pdf)])
            #expect(added.status == .seeOther)
            #expect(try await admin.postMultipart(scene.editor(scene.publicSession) + "/materials",
                                                  ["materialTitle": "The Convention's text", "materialLink": "https://www.ohchr.org/en/instruments"],
                                                  files: [:]).status == .seeOther)
            #expect(try await admin.postMultipart(scene.editor(scene.participantsSession) + "/materials",
                                                  ["materialTitle": "Shelter's address and rules", "materialLink": ""],
                                                  files: ["materialFile": (name: "shelter.pdf", bytes: Self.pdf)]).status == .seeOther)
            let publicFile = try #require(try await Self.materialIDs(app, scene, scene.publicSession).first)
            let privateFile = try #require(try await Self.materialIDs(app, scene, scene.participantsSession).first)

            // The public agenda lists the public session's materials, and anyone can fetch its file.
            let agenda = try await Browser(app).get("/programs/mwp-2006/agenda").body.string
            #expect(agenda.contains("href=\"/materials/\(publicFile.uuidString.lowercased())\""))
            #expect(agenda.contains("href=\"https://www.ohchr.org/en/instruments\" rel=\"noopener noreferrer\""))
            #expect(!agenda.contains("Shelter&#39;s address") && !agenda.contains("Shelter's address"))
            let download = try await Browser(app).get("/materials/\(publicFile.uuidString.lowercased())")
            #expect(download.status == .ok)
            #expect(download.headers.contentType?.description.hasPrefix("application/pdf") == true)
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            #expect(download.headers.first(name: "Content-Security-Policy")?.contains("sandbox") == true)
            #expect(Array(download.body.readableBytesView) == Self.pdf)

            // Not while the program itself is a draft.
            try await app.persistence.write { sql in
                try sql.run("UPDATE programs SET status = 'draft' WHERE slug = 'mwp-2006'")
            }
            #expect(try await Browser(app).get("/materials/\(publicFile.uuidString.lowercased())").status == .notFound)
            #expect(try await admin.get("/materials/\(publicFile.uuidString.lowercased())").status == .ok)
            try await app.persistence.write { sql in
                try sql.run("UPDATE programs SET status = 'completed' WHERE slug = 'mwp-2006'")
            }

            // The participants-only session's file: not for the public, for the workshop's participants.
            let path = "/materials/\(privateFile.uuidString.lowercased())"
            #expect(try await Browser(app).get(path).status == .notFound)
            let participant = Browser(app)
            _ = try await PersonSignInTests.signIn(participant, DemoCatalog.participantEmail(0))
            #expect(try await participant.get(path).status == .ok)
            #expect(try await participant.get("/me/programs/mwp-2006/agenda").body.string.contains("Shelter&#39;s address and rules"))
            let outsider = Browser(app)
            _ = try await PersonSignInTests.signIn(outsider, DemoCatalog.applicant2017Email(0))
            #expect(try await outsider.get(path).status == .notFound, "a participant of another program")
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            #expect(try await manager.get(path).status == .notFound, "a manager of another program")
            #expect(try await Browser(app).get("/materials/\(UUID().uuidString.lowercased())").status == .notFound)
            #expect(try await Browser(app).get("/materials/not-an-id").status == .notFound)

            // Taken off, it is gone from the agenda and from its address.
            let remove = scene.editor(scene.publicSession) + "/materials/\(publicFile.uuidString.lowercased())/remove"
            #expect(try await admin.post(remove).status == .seeOther)
            #expect(try await Browser(app).get("/materials/\(publicFile.uuidString.lowercased())").status == .notFound)
            #expect(!(try await Browser(app).get("/programs/mwp-2006/agenda").body.string.contains(publicFile.uuidString.lowercased())))
            #expect(try await admin.post(remove).status == .notFound)
            // A material is removed only through its own session.
            let wrong = scene.editor(scene.participantsSession) + "/materials/\(try #require(try await Self.materialIDs(app, scene, scene.publicSession).first).uuidString.lowercased())/remove"
            #expect(try await admin.post(wrong).status == .notFound)
        }
    }

    /// Every refusal names its field and keeps what was typed; nothing is saved.
    @Test(arguments: TestDatabaseKind.all)
    func badMaterialsAreRefusedFieldByField(kind: TestDatabaseKind) async throws {
        try await withTestApp(kind) { app async throws in
            let scene = try await Self.scene(app)
            let admin = Browser(app)
            _ = try await admin.signIn(Demo.admin.0, Demo.admin.1)
            let action = scene.editor(scene.publicSession) + "/materials"
            let cases: [([String: String], [String: (name: String, bytes: [UInt8])], String)] = [
                (["materialTitle": "", "materialLink": "https://example.org/a"], [:], "Give the material a title"),
                (["materialTitle": "Notes", "materialLink": ""], [:], "Give a link, or choose a file below."),
                (["materialTitle": "Notes", "materialLink": "javascript:alert(1)"], [:], "starts with https:// or http://"),
                (["materialTitle": "Notes", "materialLink": "https://user:secret@example.org/"], [:], "starts with https:// or http://"),
                (["materialTitle": "Notes", "materialLink": "https://example.org/" + String(repeating: "a", count: 2100)], [:], "starts with https://"),
                (["materialTitle": "Notes", "materialLink": "https://example.org/a"], ["materialFile": (name: "a.pdf", bytes: Self.pdf)], "not both"),
                (["materialTitle": "Notes", "materialLink": ""], ["materialFile": (name: "setup.pdf", bytes: Array("MZ\u{90}\u{0}binary".utf8))],
                 "Upload a PDF, Word"),
                (["materialTitle": String(repeating: "t", count: 201), "materialLink": "https://example.org/a"], [:], "one line of up to 200"),
            ]
            for (fields, files, message) in cases {
                let refused = try await admin.postMultipart(action, fields, files: files)
                #expect(refused.status == .unprocessableEntity, "\(fields)")
                #expect(refused.body.string.contains(message), "\(fields) should say \(message)")
                if let typed = fields["materialLink"], !typed.isEmpty, typed.count < 100 {
                    #expect(refused.body.string.contains("value=\"\(typed.replacingOccurrences(of: "&", with: "&amp;"))\""), "keeps \(typed)")
                }
            }
            #expect(try await Self.materialIDs(app, scene, scene.publicSession).isEmpty)
            // A manager of another program cannot add to this one.
            let manager = Browser(app)
            _ = try await manager.signIn(Demo.manager.0, Demo.manager.1)
            #expect(try await manager.postMultipart(action, ["materialTitle": "x", "materialLink": "https://example.org"], files: [:]).status == .notFound)
        }
    }
}
