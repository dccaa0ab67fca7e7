/// The built-in profile questions every call asks first, worded in every offered language.
/// Their keys are fixed, because eligibility, quotas and reports read them.
public enum ProfileSection {
    /// Words in the order English, Malay, Indonesian, Nepali, Bengali, Filipino, Khmer.
    static func words(_ all: [String]) -> LocalizedText {
        precondition(all.count == Language.allCases.count)
        return LocalizedText(Dictionary(uniqueKeysWithValues: zip(Language.allCases, all)))
    }

    public static let key = "profile"

    public static let sectors: [ChoiceOption] = [
        .init(value: "ngo", label: words(["NGO", "NGO", "LSM", "गैरसरकारी संस्था", "বেসরকারি সংস্থা (এনজিও)", "NGO", "អង្គការក្រៅរដ្ឋាភិបាល"])),
        .init(value: "trade_union", label: words(["Trade union", "Kesatuan sekerja", "Serikat pekerja", "ट्रेड युनियन", "ট্রেড ইউনিয়ন", "Unyon ng manggagawa", "សហជីព"])),
        .init(value: "nhri", label: words(["National human rights institution", "Institusi hak asasi manusia kebangsaan", "Lembaga HAM nasional",
                                           "राष्ट्रिय मानव अधिकार संस्था", "জাতীয় মানবাধিকার প্রতিষ্ঠান", "Pambansang institusyon sa karapatang pantao", "ស្ថាប័នជាតិសិទ្ធិមនុស្ស"])),
        .init(value: "government", label: words(["Government", "Kerajaan", "Pemerintah", "सरकार", "সরকার", "Pamahalaan", "រដ្ឋាភិបាល"])),
        .init(value: "academic", label: words(["Academic", "Akademik", "Akademisi", "शैक्षिक", "শিক্ষা ও গবেষণা", "Akademiko", "សិក្សាស្រាវជ្រាវ"])),
        .init(value: "international_org", label: words(["International organisation", "Organisasi antarabangsa", "Organisasi internasional",
                                                        "अन्तर्राष्ट्रिय संस्था", "আন্তর্জাতিক সংস্থা", "Internasyonal na organisasyon", "អង្គការអន្តរជាតិ"])),
        .init(value: "community_group", label: words(["Community group", "Kumpulan komuniti", "Kelompok komunitas", "सामुदायिक समूह",
                                                      "কমিউনিটি গ্রুপ", "Grupo ng komunidad", "ក្រុមសហគមន៍"])),
    ]

    public static let genders: [ChoiceOption] = [
        .init(value: "woman", label: words(["Woman", "Wanita", "Perempuan", "महिला", "নারী", "Babae", "ស្ត្រី"])),
        .init(value: "man", label: words(["Man", "Lelaki", "Laki-laki", "पुरुष", "পুরুষ", "Lalaki", "បុរស"])),
        .init(value: "nonbinary", label: words(["Non-binary", "Bukan binari", "Non-biner", "नन-बाइनरी", "নন-বাইনারি", "Non-binary", "មិនមែនគោលពីរ"])),
        .init(value: "self_describe", label: words(["I describe myself", "Saya nyatakan sendiri", "Saya jelaskan sendiri", "म आफैं लेख्छु",
                                                    "আমি নিজে লিখব", "Ilalarawan ko ang aking sarili", "ខ្ញុំនឹងពិពណ៌នាខ្លួនឯង"])),
        .init(value: "undisclosed", label: words(["Prefer not to say", "Tidak mahu menyatakan", "Memilih tidak menyebutkan", "भन्न चाहन्न",
                                                  "বলতে চাই না", "Mas gusto kong hindi sabihin", "មិនចង់បញ្ជាក់"])),
    ]

    public static var section: FormSection {
        FormSection(
            key: key,
            title: words(["About you", "Tentang anda", "Tentang Anda", "तपाईंको बारेमा", "আপনার সম্পর্কে", "Tungkol sa iyo", "អំពីអ្នក"]),
            questions: [
                Question(key: "full_name", type: .shortText,
                         label: words(["Full name", "Nama penuh", "Nama lengkap", "पूरा नाम", "পুরো নাম", "Buong pangalan", "ឈ្មោះពេញ"]),
                         required: true, isIdentifying: true),
                Question(key: "phone", type: .shortText,
                         label: words(["Phone number", "Nombor telefon", "Nomor telepon", "फोन नम्बर", "ফোন নম্বর", "Numero ng telepono", "លេខទូរស័ព្ទ"]),
                         isIdentifying: true),
                Question(key: EligibilityCheck.nationalityKey, type: .country,
                         label: words(["Nationality", "Warganegara", "Kewarganegaraan", "राष्ट्रियता", "জাতীয়তা", "Nasyonalidad", "សញ្ជាតិ"]),
                         required: true),
                Question(key: EligibilityCheck.residenceKey, type: .country,
                         label: words(["Country where you live", "Negara tempat anda tinggal", "Negara tempat Anda tinggal", "तपाईं बस्ने देश",
                                       "আপনি যে দেশে থাকেন", "Bansang tinitirhan mo", "ប្រទេសដែលអ្នករស់នៅ"]),
                         required: true),
                Question(key: "organisation", type: .shortText,
                         label: words(["Organisation", "Organisasi", "Organisasi", "संस्था", "সংস্থা", "Organisasyon", "អង្គការ"]),
                         isIdentifying: true),
                Question(key: EligibilityCheck.sectorKey, type: .singleChoice,
                         label: words(["Sector", "Sektor", "Sektor", "क्षेत्र", "খাত", "Sektor", "វិស័យ"]),
                         required: true, options: sectors),
                Question(key: "position", type: .shortText,
                         label: words(["Your work or position", "Kerja atau jawatan anda", "Pekerjaan atau jabatan Anda", "तपाईंको काम वा पद",
                                       "আপনার কাজ বা পদ", "Iyong trabaho o posisyon", "ការងារ ឬតួនាទីរបស់អ្នក"])),
                Question(key: EligibilityCheck.experienceKey, type: .number,
                         label: words(["Years of experience", "Tahun pengalaman", "Tahun pengalaman", "अनुभवका वर्ष", "অভিজ্ঞতার বছর",
                                       "Taon ng karanasan", "ឆ្នាំនៃបទពិសោធន៍"]),
                         required: true, minimum: 0, maximum: 70),
                Question(key: "gender", type: .singleChoice,
                         label: words(["Gender", "Jantina", "Jenis kelamin", "लिङ्ग", "লিঙ্গ", "Kasarian", "ភេទ"]),
                         options: genders),
                Question(key: "gender_self", type: .shortText,
                         label: words(["If you describe yourself: your words", "Jika anda nyatakan sendiri: perkataan anda",
                                       "Jika Anda jelaskan sendiri: kata-kata Anda", "आफैं लेख्ने भए: तपाईंका शब्द",
                                       "নিজে লিখলে: আপনার ভাষায়", "Kung ilalarawan mo ang sarili: iyong mga salita", "ប្រសិនបើអ្នកពិពណ៌នាខ្លួនឯង៖ ពាក្យរបស់អ្នក"])),
                Question(key: "languages_spoken", type: .shortText,
                         label: words(["Languages you speak", "Bahasa yang anda tuturkan", "Bahasa yang Anda kuasai", "तपाईंले बोल्ने भाषाहरू",
                                       "আপনি যে ভাষাগুলো বলেন", "Mga wikang sinasalita mo", "ភាសាដែលអ្នកនិយាយ"])),
            ]
        )
    }
}
