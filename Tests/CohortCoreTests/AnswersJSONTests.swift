@testable import CohortCore
import Foundation
import Testing

/// Answers as stored: written and read back by hand, read exactly as Foundation's coders would.
@Suite struct AnswersJSONTests {
    static let awkward: [String: Answer] = [
        "full_name": .text("Siti \"Nur\" Aisyah\\"), "note": .text("line one\nline two\ttab\r\u{01}\u{1F}"),
        "focus": .list(["recruitment", "justice", "\u{1F30F} ขอบคุณ नमस्ते"]), "empty": .list([]), "blank": .text(""),
    ]

    @Test func roundTripsAwkwardText() throws {
        let text = AnswersJSON.encode(Self.awkward)
        #expect(try AnswersJSON.decode(text) == Self.awkward)
        // Foundation reads what is written, the same.
        #expect(try JSONDecoder().decode([String: Answer].self, from: Data(text.utf8)) == Self.awkward)
    }

    @Test func readsWhatFoundationWrote() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let written = String(decoding: try encoder.encode(Self.awkward), as: UTF8.self)
        #expect(try AnswersJSON.decode(written) == Self.awkward)
        // Keys come out sorted, so equal answers are stored as equal text.
        #expect(AnswersJSON.encode(["b": .text("2"), "a": .text("1")]) == #"{"a":"1","b":"2"}"#)
    }

    @Test func numbersAndFlagsBecomeTextAsTheDecoderReadsThem() throws {
        #expect(try AnswersJSON.decode(#"{"years": 5, "share": 2.5, "yes": true, "no": false}"#)
                == ["years": .text("5"), "share": .text("2.5"), "yes": .text("yes"), "no": .text("no")])
    }

    @Test func readsOneMemberOfARequestAndLeavesTheRest() throws {
        let body = Array(#"{"client": {"v": [1, true, null]}, "answers": {"a": "x", "b": ["y"]}, "note": "z"}"#.utf8)
        #expect(try AnswersJSON.decodeMember("answers", in: body) == ["a": .text("x"), "b": .list(["y"])])
        #expect(try AnswersJSON.decodeMember("answers", in: Array(#"{"other": 1}"#.utf8)) == nil)
        #expect(throws: AnswersJSON.Malformed.self) { try AnswersJSON.decodeMember("answers", in: Array(#"{"answers": 5}"#.utf8)) }
    }

    @Test(arguments: [#"{"a": null}"#, #"{"a": {"b": "c"}}"#, #"{"a": [1]}"#, #"{"a": "b""#, #"["a"]"#, #"{"a": "b"} x"#])
    func refusesWhatIsNotAnswers(text: String) {
        #expect(throws: AnswersJSON.Malformed.self) { try AnswersJSON.decode(text) }
    }
}
