extension DemoCatalog {
    /// "2017/18 Migrant Workers Program (Modules 1-5) – Malaysia". The seed gives the
    /// title, the partners and the countries; module dates and venues are illustrative.
    public static let program2017 = ProgramEntry(
        slug: "mwp-2017-18",
        title: "2017/18 Migrant Workers Program (Modules 1-5) – Malaysia",
        theme: "Civil society advocacy for the rights of migrant workers in Malaysia",
        hostCountry: "MY",
        start: "2017-08-14",
        end: "2018-09-14",
        summary: "A special capacity building program for Malaysian civil society, designed with program participants.",
        description: """
        The Diplomacy Training Program (DTP) in partnership with Migrant Forum in Asia (MFA), Bar Council Migrants, Refugees and Immigration Affairs Committee (MRIAC), North South Initiative (NSI), and Migration Working Group (MWG) invited applications from Malaysian civil society for a special capacity building program.

        The program was designed with program participants to build knowledge, skills and networks to enhance and support civil society advocacy for the promotion and protection of migrant workers’ rights in Malaysia.

        The program brought together Malaysian advocates with advocates from countries of origin, including Nepal, Bangladesh, Philippines, Indonesia and Cambodia to build links and networks and to develop shared advocacy strategies for greater impact in Malaysia and countries of origin.
        """,
        status: .completed,
        leadKey: "dtp",
        partners: [
            .init(organisationKey: "dtp", role: .lead, description: ""),
            .init(organisationKey: "mfa", role: .partner, description: ""),
            .init(organisationKey: "bar", role: .partner, description: "Migrants, Refugees and Immigration Affairs Committee (MRIAC)"),
            .init(organisationKey: "nsi", role: .partner, description: ""),
            .init(organisationKey: "mwg", role: .partner, description: ""),
        ],
        modules: [
            .init(number: 1, title: "International standards and the UN Convention on Migrant Workers",
                  start: "2017-08-14", end: "2017-08-18", city: "Kuala Lumpur", country: "MY", isIllustrative: true),
            .init(number: 2, title: "ILO conventions, fair recruitment and decent work for domestic workers",
                  start: "2017-11-13", end: "2017-11-16", city: "Kuala Lumpur", country: "MY", isIllustrative: true),
            .init(number: 3, title: "Documentation, evidence and advocacy skills",
                  start: "2018-02-05", end: "2018-02-08", city: "George Town", country: "MY", isIllustrative: true),
            .init(number: 4, title: "Working across borders: countries of origin and destination",
                  start: "2018-05-07", end: "2018-05-10", city: "Kuala Lumpur", country: "MY", isIllustrative: true),
            .init(number: 5, title: "Shared advocacy strategies",
                  start: "2018-09-10", end: "2018-09-14", city: "Petaling Jaya", country: "MY", isIllustrative: true),
        ],
        countries: [
            .init(code: "MY", role: .destination, displayName: nil),
            .init(code: "NP", role: .origin, displayName: nil),
            .init(code: "BD", role: .origin, displayName: nil),
            .init(code: "PH", role: .origin, displayName: nil),
            .init(code: "ID", role: .origin, displayName: nil),
            .init(code: "KH", role: .origin, displayName: nil),
        ],
        participants: []
    )
}
