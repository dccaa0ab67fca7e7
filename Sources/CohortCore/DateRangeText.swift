/// Writes a period the way a program page states it: "7–11 April 2006",
/// "30 June – 2 July 2017", "November 2017 – March 2018" is not used: days stay exact.
public enum DateRangeText {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    public static func day(_ date: CalendarDate) -> String {
        "\(date.day) \(monthNames[date.month - 1]) \(date.year)"
    }

    public static func period(from start: CalendarDate, to end: CalendarDate) -> String {
        if start == end { return day(start) }
        let startMonth = monthNames[start.month - 1]
        let endMonth = monthNames[end.month - 1]
        if start.year == end.year && start.month == end.month {
            return "\(start.day)–\(end.day) \(endMonth) \(end.year)"
        }
        if start.year == end.year {
            return "\(start.day) \(startMonth) – \(end.day) \(endMonth) \(end.year)"
        }
        return "\(day(start)) – \(day(end))"
    }
}
