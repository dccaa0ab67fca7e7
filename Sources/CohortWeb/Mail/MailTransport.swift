import CohortCore
import Foundation
import Logging

/// Where outbox messages go: `log` (the default, which records that a message left but
/// never its address or content), `file:DIR` (one .eml file each) or `sendmail:PATH`
/// (any sendmail-compatible program, such as msmtp).
public enum MailTransport: Sendable, Equatable {
    case log
    case file(directory: String)
    case sendmail(path: String)

    public init(parsing raw: String?) throws {
        guard let raw, !raw.isEmpty, raw != "log" else { self = .log; return }
        if raw.hasPrefix("file:"), raw.count > 5 { self = .file(directory: String(raw.dropFirst(5))); return }
        if raw.hasPrefix("sendmail:"), raw.count > 9 { self = .sendmail(path: String(raw.dropFirst(9))); return }
        throw ConfigError("COHORT_MAIL_TRANSPORT", "expected log, file:DIRECTORY or sendmail:PATH")
    }

    struct DeliveryError: Error, CustomStringConvertible {
        let description: String
    }

    func deliver(_ message: OutgoingMessage, id: UUID, from: String, at now: Date, logger: Logger) throws {
        switch self {
        case .log:
            logger.info("outbox: message \(id) handed to the log transport (address and content are not logged)")
        case .file(let directory):
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = "\(directory)/\(Int(now.timeIntervalSince1970))-\(id.uuidString.lowercased()).eml"
            guard FileManager.default.createFile(atPath: path, contents: Data(Self.rfc822(message, id: id, from: from, at: now).utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw DeliveryError(description: "could not write \(path)")
            }
        case .sendmail(let path):
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = ["-t", "-i"]
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(Self.rfc822(message, id: id, from: from, at: now).utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw DeliveryError(description: "sendmail exited with status \(process.terminationStatus)")
            }
        }
    }

    /// A plain-text UTF-8 message. Header values are stripped of line breaks so nothing can add headers.
    static func rfc822(_ message: OutgoingMessage, id: UUID, from: String, at now: Date) -> String {
        func clean(_ value: String) -> String { value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") }
        func encodedSubject(_ subject: String) -> String {
            subject.allSatisfy(\.isASCII) ? clean(subject) : "=?UTF-8?B?\(Data(clean(subject).utf8).base64EncodedString())?="
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return [
            "From: \(clean(from))",
            "To: \(clean(message.to))",
            "Subject: \(encodedSubject(message.subject))",
            "Date: \(formatter.string(from: now))",
            "Message-ID: <\(id.uuidString.lowercased())@cohort>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            message.body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n"),
        ].joined(separator: "\r\n")
    }
}
