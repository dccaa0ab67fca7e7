extension DemoCatalog {
    /// "2006 Migrant Workers Program": dates, venue and the 13 countries are the seed's.
    /// The 32 participants are fictional people with the mix the seed describes.
    public static let program2006 = ProgramEntry(
        slug: "mwp-2006",
        title: "2006 Migrant Workers Program",
        theme: "The UN Convention on Migrant Workers and the rights of migrant workers in the Asia-Pacific",
        hostCountry: "MY",
        start: "2006-04-07",
        end: "2006-04-11",
        summary: "A consultation and training workshop on the UN Convention on Migrant Workers for civil society advocates from across the Asia-Pacific region.",
        description: """
        The project was designed to fill a significant gap in knowledge and understanding of the UN Convention on Migrant Workers (CMW), which came into force in July 2003. The objective was to develop the capacity of civil society advocates to integrate international standards into effective advocacy on the rights of migrant workers in the region.

        The project facilitated collaboration and exchange between a wide range of NGOs, unions and national human rights institutions across the Asia-Pacific region directly concerned with the welfare and treatment of migrant workers, as well as academics and international organizations.

        The program was held in Petaling Jaya, Malaysia, from 7th – 11th April, 2006. It brought together over 30 individuals (from 13 countries in the region) for a consultation and training workshop. The participants came from Bangladesh, Burma, Cambodia, Hong Kong, Indonesia, Malaysia, Mongolia, Nepal, the Philippines, Singapore, South Korea, Sri Lanka and Thailand. The participants ranged in experience from a former Ambassador to a domestic worker – and came from government, trade unions, NGOs and National Human Rights Institutions.
        """,
        status: .completed,
        leadKey: "dtp",
        partners: [.init(organisationKey: "dtp", role: .lead, description: "")],
        modules: [
            .init(number: 1, title: "Consultation and training workshop", start: "2006-04-07", end: "2006-04-11",
                  city: "Petaling Jaya", country: "MY", isIllustrative: false),
        ],
        countries: [
            .init(code: "BD", role: .origin, displayName: nil),
            .init(code: "MM", role: .origin, displayName: "Burma"),
            .init(code: "KH", role: .origin, displayName: nil),
            .init(code: "HK", role: .destination, displayName: nil),
            .init(code: "ID", role: .origin, displayName: nil),
            .init(code: "MY", role: .destination, displayName: nil),
            .init(code: "MN", role: .origin, displayName: nil),
            .init(code: "NP", role: .origin, displayName: nil),
            .init(code: "PH", role: .origin, displayName: nil),
            .init(code: "SG", role: .destination, displayName: nil),
            .init(code: "KR", role: .destination, displayName: nil),
            .init(code: "LK", role: .origin, displayName: nil),
            .init(code: "TH", role: .destination, displayName: nil),
        ],
        participants: participants2006
    )

    /// Fictional people. Any likeness to a real person is accidental.
    static let participants2006: [ParticipantEntry] = [
        .init(name: "Aminah Binti Yusof", country: "MY", sector: .nhri, position: "Commissioner's adviser"),
        .init(name: "Daniel Raj Pillai", country: "MY", sector: .barAssociation, position: "Lawyer, migrant rights committee"),
        .init(name: "Farah Lim Mei Ling", country: "MY", sector: .ngo, position: "Caseworker for migrant workers"),
        .init(name: "Hafiz Rahman", country: "MY", sector: .tradeUnion, position: "Union organiser"),
        .init(name: "Suresh Kumaran", country: "MY", sector: .government, position: "Labour department officer"),
        .init(name: "Dr Nor Aisyah Ismail", country: "MY", sector: .academic, position: "Lecturer in labour law"),
        .init(name: "Maria Liza Santos", country: "PH", sector: .ngo, position: "Domestic worker and community organiser"),
        .init(name: "Ramon D. Villanueva", country: "PH", sector: .government, position: "Former ambassador"),
        .init(name: "Josephine Reyes", country: "PH", sector: .tradeUnion, position: "Union education officer"),
        .init(name: "Siti Nurhaliza Putri", country: "ID", sector: .ngo, position: "Advocate for women migrant workers"),
        .init(name: "Bambang Wicaksono", country: "ID", sector: .nhri, position: "Investigator"),
        .init(name: "Dewi Kartika Sari", country: "ID", sector: .tradeUnion, position: "Domestic workers' union leader"),
        .init(name: "Sita Kumari Thapa", country: "NP", sector: .ngo, position: "Returnee support coordinator"),
        .init(name: "Bikash Gurung", country: "NP", sector: .tradeUnion, position: "Migrant workers' desk, trade union federation"),
        .init(name: "Mohammad Abdul Karim", country: "BD", sector: .ngo, position: "Legal aid officer"),
        .init(name: "Nasrin Akter", country: "BD", sector: .government, position: "Overseas employment ministry official"),
        .init(name: "Khin Myat Noe", country: "MM", sector: .ngo, position: "Border community worker"),
        .init(name: "Aung Ko Ko", country: "MM", sector: .tradeUnion, position: "Labour rights organiser in exile"),
        .init(name: "Sok Chanthou", country: "KH", sector: .ngo, position: "Program officer, safe migration"),
        .init(name: "Chea Vannak", country: "KH", sector: .government, position: "Labour ministry official"),
        .init(name: "Wong Ka Yan", country: "HK", sector: .ngo, position: "Shelter coordinator for domestic workers"),
        .init(name: "Leung Chi Wai", country: "HK", sector: .tradeUnion, position: "Confederation staff member"),
        .init(name: "Oyunchimeg Batbayar", country: "MN", sector: .nhri, position: "Human rights officer"),
        .init(name: "Ganbold Erdene", country: "MN", sector: .ngo, position: "Researcher, labour migration"),
        .init(name: "Priya Nair", country: "SG", sector: .ngo, position: "Case manager, migrant workers' centre"),
        .init(name: "Tan Wei Ming", country: "SG", sector: .academic, position: "Researcher in migration studies"),
        .init(name: "Kim Min-ji", country: "KR", sector: .nhri, position: "Policy officer"),
        .init(name: "Park Jun-ho", country: "KR", sector: .tradeUnion, position: "Migrant workers' union adviser"),
        .init(name: "Nimali Perera", country: "LK", sector: .ngo, position: "Advocate for returning domestic workers"),
        .init(name: "Ruwan Jayasinghe", country: "LK", sector: .internationalOrganisation, position: "Program officer, international organisation"),
        .init(name: "Somchai Saetang", country: "TH", sector: .nhri, position: "Commission staff member"),
        .init(name: "Malee Chaiyaporn", country: "TH", sector: .ngo, position: "Outreach worker in fishing communities"),
    ]
}
