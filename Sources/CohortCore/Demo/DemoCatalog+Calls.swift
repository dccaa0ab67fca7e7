import Foundation

extension DemoCatalog {
    public struct CallEntry: Sendable {
        public let programSlug: String
        public let call: @Sendable (_ id: UUID, _ programID: UUID) -> Call
        public let rules: EligibilityRules
        public let form: FormDefinition
        /// Submitted applications: email, language and answers.
        public let applications: [(email: String, answers: [String: Answer])]
        /// Whether the call's history goes on: review, selection, decisions and confirmations.
        public var isSelected = false
    }

    static func en(_ english: String, ms malay: String) -> LocalizedText { LocalizedText([.english: english, .malay: malay]) }

    /// The next edition's call, open around `now` so the demo can be tried; the 2017/18 call, closed,
    /// with its applications, as it was reviewed and selected; and the 2006 call, long closed, with
    /// the applications of its 32 participants. The first two share a form in English and Malay.
    public static func calls(now: Date) -> [CallEntry] {
        [callNext(now: now), call2017, call2006]
    }

    /// The Migrant Workers Program's application form: the profile, the applicant's work, taking part.
    static var migrantWorkersForm: FormDefinition {
        let work = FormSection(key: "work", title: en("Your work with migrant workers", ms: "Kerja anda dengan pekerja migran"), questions: [
            Question(key: "works_with_migrants", type: .yesNo,
                     label: en("Do you currently work with or for migrant workers?", ms: "Adakah anda kini bekerja dengan atau untuk pekerja migran?"),
                     required: true),
            Question(key: "focus", type: .multipleChoice,
                     label: en("Which issues does your work focus on?", ms: "Isu apakah yang menjadi tumpuan kerja anda?"),
                     required: true, options: [
                        .init(value: "domestic_work", label: en("Domestic work", ms: "Kerja domestik")),
                        .init(value: "recruitment", label: en("Recruitment and fees", ms: "Pengambilan dan yuran")),
                        .init(value: "detention", label: en("Detention and deportation", ms: "Tahanan dan pengusiran")),
                        .init(value: "trafficking", label: en("Trafficking and forced labour", ms: "Pemerdagangan dan buruh paksa")),
                        .init(value: "justice", label: en("Access to justice", ms: "Akses kepada keadilan")),
                     ]),
            Question(key: "work_description", type: .longText,
                     label: en("Describe your work with migrant workers", ms: "Terangkan kerja anda dengan pekerja migran"),
                     help: en("What you do, with whom, and what you have achieved.", ms: "Apa yang anda lakukan, dengan siapa, dan apa yang telah dicapai."),
                     required: true, wordLimit: 250),
        ])
        let program = FormSection(key: "program", title: en("Taking part", ms: "Penyertaan"), questions: [
            Question(key: "attend_all", type: .yesNo,
                     label: en("Can you attend all five modules?", ms: "Bolehkah anda menghadiri kelima-lima modul?"), required: true),
            Question(key: "expectations", type: .longText,
                     label: en("What do you hope to take back to your work?", ms: "Apakah yang anda harap dapat dibawa kembali ke kerja anda?"),
                     required: true, wordLimit: 150),
            Question(key: "referee", type: .shortText,
                     label: en("A referee who knows your work (name and email)", ms: "Perujuk yang mengenali kerja anda (nama dan e-mel)"),
                     isIdentifying: true),
            Question(key: "support_letter", type: .file,
                     label: en("A letter of support from your organisation", ms: "Surat sokongan daripada organisasi anda"),
                     help: en("If you have one. A photo of a signed letter is fine.", ms: "Jika ada. Gambar surat yang ditandatangani sudah memadai."),
                     fileTypes: ["pdf", "jpeg", "png"], maxFileBytes: 10 * 1024 * 1024, isIdentifying: true),
        ])
        return FormDefinition(version: 1, sections: [ProfileSection.section, work, program])
    }

    static let migrantWorkersRules = EligibilityRules(residences: [Country(code: "MY")!], requiredAnswers: ["works_with_migrants": ["yes"]])

    static let migrantWorkersPrivacy = en(
        "Only the program team and its reviewers read your application. We never share it with employers or governments. You can ask us to delete it at any time.",
        ms: "Hanya pasukan program dan penilainya membaca permohonan anda. Kami tidak pernah berkongsi dengannya dengan majikan atau kerajaan. Anda boleh meminta kami memadamnya pada bila-bila masa.")

    /// Open since the start of the day a week before `now`, until 23:59 on the 60th day after
    /// it, both in Kuala Lumpur, as a manager would set them.
    static func callNext(now: Date) -> CallEntry {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Kuala_Lumpur")!
        let today = calendar.startOfDay(for: now)
        let opens = calendar.date(byAdding: .day, value: -7, to: today)!
        let closes = calendar.date(byAdding: .day, value: 61, to: today)!.addingTimeInterval(-60)
        return CallEntry(
            programSlug: nextEditionSlug,
            call: { id, programID in
                Call(id: id, programID: programID,
                     title: en("Call for applications: Migrant Workers Program, next edition", ms: "Pelawaan permohonan: Program Pekerja Migran, edisi seterusnya"),
                     description: en("The Diplomacy Training Program and its partners invite applications from Malaysian civil society for a special capacity building program on the rights of migrant workers.\n\nThe program is designed with its participants and brings Malaysian advocates together with advocates from countries of origin. This call is sample data.",
                                     ms: "Diplomacy Training Program dan rakan kongsinya menjemput permohonan daripada masyarakat sivil Malaysia untuk program pembinaan kapasiti khas tentang hak pekerja migran.\n\nProgram ini direka bersama pesertanya dan menghimpunkan pejuang hak dari Malaysia dengan pejuang hak dari negara asal. Pelawaan ini ialah data contoh."),
                     opensAt: opens, closesAt: closes, timeZone: "Asia/Kuala_Lumpur",
                     graceMinutes: 30, languages: [.english, .malay, .indonesian, .nepali, .bengali, .filipino, .khmer], targetCohortSize: 25,
                     privacyNotice: migrantWorkersPrivacy,
                     contactEmail: "program@demo.cohort.example", isPublished: true, referencePrefix: "MWPNEXT")
            },
            rules: migrantWorkersRules,
            form: migrantWorkersForm,
            applications: []
        )
    }

    /// Open from 1 March to 30 April 2017 (illustrative dates), for Malaysian civil society.
    static var call2017: CallEntry {
        let applications = applicants2017.enumerated().map { index, person in
            let focus = person.focus.isEmpty ? "office work" : person.focus.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: " and ")
            return (email: applicant2017Email(index), answers: [
                "full_name": Answer.text(person.name), EligibilityCheck.nationalityKey: .text("MY"), EligibilityCheck.residenceKey: .text("MY"),
                "organisation": .text(person.organisation), EligibilityCheck.sectorKey: .text(person.sector), "position": .text(person.position),
                EligibilityCheck.experienceKey: .text("\(person.years)"), "gender": .text(person.gender),
                "works_with_migrants": .text(person.worksWithMigrants ? "yes" : "no"), "focus": .list(person.focus),
                "work_description": .text("As \(person.position.lowercased()) with \(person.organisation), I work on \(focus). (Sample application.)"),
                "attend_all": .text("yes"),
                "expectations": .text("Knowledge of the international standards and links with advocates in countries of origin. (Sample application.)"),
            ])
        }
        return CallEntry(
            programSlug: program2017.slug,
            call: { id, programID in
                Call(id: id, programID: programID,
                     title: en("Call for applications: Migrant Workers Program (Modules 1-5)", ms: "Pelawaan permohonan: Program Pekerja Migran (Modul 1-5)"),
                     description: en("The Diplomacy Training Program (DTP) in partnership with Migrant Forum in Asia (MFA), Bar Council Migrants, Refugees and Immigration Affairs Committee (MRIAC), North South Initiative (NSI), and Migration Working Group (MWG) invites applications from Malaysian civil society for a special capacity building program.",
                                     ms: "Diplomacy Training Program (DTP) dengan kerjasama Migrant Forum in Asia (MFA), Jawatankuasa Hal Ehwal Migran, Pelarian dan Imigresen Majlis Peguam (MRIAC), North South Initiative (NSI) dan Migration Working Group (MWG) menjemput permohonan daripada masyarakat sivil Malaysia untuk program pembinaan kapasiti khas."),
                     opensAt: Date(timeIntervalSince1970: 1_488_297_600), closesAt: Date(timeIntervalSince1970: 1_493_567_940),
                     timeZone: "Asia/Kuala_Lumpur", graceMinutes: 30, languages: [.english, .malay], targetCohortSize: 18,
                     privacyNotice: migrantWorkersPrivacy,
                     contactEmail: "program@demo.cohort.example", isPublished: true, referencePrefix: "MWP2017")
            },
            rules: migrantWorkersRules,
            form: migrantWorkersForm,
            applications: applications,
            isSelected: true
        )
    }

    static var call2006: CallEntry {
        let applications = participants2006.enumerated().map { index, person in
            (email: participantEmail(index), answers: [
                "full_name": Answer.text(person.name), EligibilityCheck.nationalityKey: .text(person.country),
                EligibilityCheck.residenceKey: .text(person.country), EligibilityCheck.sectorKey: .text(person.sector.rawValue),
                "position": .text(person.position), EligibilityCheck.experienceKey: .text("\(3 + index % 12)"),
            ])
        }
        return CallEntry(
            programSlug: program2006.slug,
            call: { id, programID in
                Call(id: id, programID: programID, title: .init(english: "Call for participants: consultation and training workshop"),
                     description: .init(english: "Applications for the 2006 consultation and training workshop on the UN Convention on Migrant Workers."),
                     opensAt: Date(timeIntervalSince1970: 1_131_000_000), closesAt: Date(timeIntervalSince1970: 1_138_700_000),
                     timeZone: "Asia/Kuala_Lumpur", languages: [.english], targetCohortSize: 32,
                     privacyNotice: .init(english: "Only the program team reads applications."),
                     contactEmail: "program@demo.cohort.example", isPublished: true, referencePrefix: "MWP2006")
            },
            rules: EligibilityRules(),
            form: FormDefinition(version: 1, sections: [ProfileSection.section]),
            applications: applications
        )
    }
}
