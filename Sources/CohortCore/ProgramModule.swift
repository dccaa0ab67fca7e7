import Foundation

public enum ModuleFormat: String, CaseIterable, Codable, Sendable {
    case inPerson = "in_person"
    case online
    case hybrid

    public var label: String {
        switch self {
        case .inPerson: "In person"
        case .online: "Online"
        case .hybrid: "Hybrid"
        }
    }
}

/// One module of a program: a workshop with its own dates and venue.
public struct ProgramModule: Hashable, Sendable {
    public var id: UUID
    public var programID: UUID
    public var number: Int
    public var title: String
    public var startDate: CalendarDate
    public var endDate: CalendarDate
    public var city: String
    public var country: Country?
    public var format: ModuleFormat
    /// Dates and venues that illustrate rather than record (demo data) say so on screen.
    public var isIllustrative: Bool
    /// The venue's time zone (an IANA identifier): the agenda's times are shown and checked in it.
    public var timeZone: String

    public init(id: UUID, programID: UUID, number: Int, title: String, startDate: CalendarDate, endDate: CalendarDate,
                city: String, country: Country?, format: ModuleFormat, isIllustrative: Bool = false, timeZone: String = "UTC") {
        self.id = id
        self.programID = programID
        self.number = number
        self.title = title
        self.startDate = startDate
        self.endDate = endDate
        self.city = city
        self.country = country
        self.format = format
        self.isIllustrative = isIllustrative
        self.timeZone = timeZone
    }

    /// The venue's zone; UTC for a zone the system does not know (the form accepts none such).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)! }

    /// Each day of the module, first to last (a module runs a year at most, so at most 400).
    public var days: [CalendarDate] {
        var days = [startDate]
        while days.count < 400, let next = days[days.count - 1].next, next <= endDate { days.append(next) }
        return days
    }

    public var periodText: String { DateRangeText.period(from: startDate, to: endDate) }

    public var venueText: String {
        switch (city.isEmpty, country) {
        case (false, let country?): "\(city), \(country.englishName)"
        case (true, let country?): country.englishName
        case (false, nil): city
        case (true, nil): format == .online ? "Online" : ""
        }
    }
}

public struct ModuleForm: Sendable, Codable, Equatable {
    public var number: String
    public var title: String
    public var startDate: String
    public var endDate: String
    public var city: String
    public var country: String
    public var format: String
    public var timeZone: String

    public init(number: String = "", title: String = "", startDate: String = "", endDate: String = "",
                city: String = "", country: String = "", format: String = ModuleFormat.inPerson.rawValue, timeZone: String = "UTC") {
        self.number = number
        self.title = title
        self.startDate = startDate
        self.endDate = endDate
        self.city = city
        self.country = country
        self.format = format
        self.timeZone = timeZone
    }

    public init(_ module: ProgramModule) {
        self.init(number: String(module.number), title: module.title, startDate: module.startDate.iso,
                  endDate: module.endDate.iso, city: module.city, country: module.country?.code ?? "",
                  format: module.format.rawValue, timeZone: module.timeZone)
    }

    /// Validates the module against its program: numbers are unique, dates fall within the program.
    public func validated(id: UUID, program: Program, otherNumbers: Set<Int>) throws -> ProgramModule {
        var errors = FieldErrorList()
        let number = Int(self.number.trimmingCharacters(in: .whitespaces))
        if number == nil || !(1...99).contains(number!) {
            errors.add("number", "Enter the module's number, from 1 to 99.")
        } else if otherNumbers.contains(number!) {
            errors.add("number", "This program already has a module \(number!). Choose another number.")
        }
        let title = TextRules.clean(self.title)
        TextRules.requireLine(title, field: "title", label: "a title", max: 200, into: &errors)
        let start = CalendarDate(iso: startDate), end = CalendarDate(iso: endDate)
        if start == nil { errors.add("startDate", "Enter the start date as a real date, like 2017-11-06.") }
        if end == nil { errors.add("endDate", "Enter the end date as a real date, like 2017-11-10.") }
        if let start, let end {
            if end < start {
                errors.add("endDate", "The end date must be on or after the start date.")
            } else if start < program.startDate || end > program.endDate {
                errors.add("startDate", "A module must fall within the program, \(program.periodText).")
            }
        }
        let city = TextRules.clean(self.city)
        TextRules.limit(city, field: "city", label: "the city", max: 100, into: &errors)
        let format = ModuleFormat(rawValue: self.format)
        if format == nil { errors.add("format", "Choose in person, online or hybrid.") }
        var country: Country?
        if !self.country.isEmpty {
            country = Country(code: self.country)
            if country == nil { errors.add("country", "Choose a country from the list.") }
        } else if format != .online {
            errors.add("country", "Choose the country where the module takes place.")
        }
        let zone = timeZone.trimmingCharacters(in: .whitespaces)
        if zone.isEmpty || zone.utf8.count > 64 || TimeZone(identifier: zone) == nil {
            errors.add("timeZone", "Choose the time zone of the venue.")
        }
        try errors.check()
        return ProgramModule(id: id, programID: program.id, number: number!, title: title, startDate: start!,
                             endDate: end!, city: city, country: country, format: format!, timeZone: zone)
    }
}
