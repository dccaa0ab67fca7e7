/// A message to send. Subjects stay neutral: a phone's lock screen may be read by an
/// employer, so a subject never names the program or its theme.
public struct OutgoingMessage: Hashable, Sendable {
    public var to: String
    public var subject: String
    public var body: String

    public init(to: String, subject: String, body: String) {
        self.to = to
        self.subject = subject
        self.body = body
    }
}
