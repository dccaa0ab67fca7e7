import ArgumentParser
import CohortCore
import CompressNIO
import Foundation
import NIOCore

/// `cohort select`: the selection solver on a file, for committees who prepare their
/// applicants elsewhere and for checking the solver against others.
struct Select: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chooses the best cohort that meets every quota, from a JSON instance (format: docs/selection-format.md).",
        discussion: """
            Reads an instance (JSON, or gzip-compressed JSON) and writes the solution: "optimal" with the \
            selected ids, or "infeasible" with a smallest set of rules that conflict. Exits 0 for either, \
            and 1 with a message for a file that cannot be read or is malformed.
            """
    )

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("The instance file (.json or .json.gz).", valueName: "file"))
    var input: String

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Where to write the solution (default: standard output).", valueName: "file"))
    var output: String?

    func run() async throws {
        let instance = try Self.read(input)
        let started = DispatchTime.now()
        let solution: SelectionSolution
        do {
            solution = try SelectionSolver.solve(instance)
        } catch let error as SelectionSolverError {
            throw CLIError(error.message)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        var json = try solution.json(timeSeconds: seconds)
        json.append(0x0A)
        if let output {
            do { try json.write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                throw CLIError("Could not write \(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(json)
        }
    }

    static func read(_ path: String) throws -> SelectionInstance {
        guard var data = FileManager.default.contents(atPath: path) else { throw CLIError("Could not read \(path): no such file, or not readable.") }
        if data.starts(with: [0x1F, 0x8B]) { data = try gunzip(data, path: path) }
        do {
            return try SelectionInstance.decode(json: data)
        } catch let error as SelectionInputError {
            throw CLIError("\(path): \(error.message)")
        }
    }

    static func gunzip(_ data: Data, path: String) throws -> Data {
        var buffer = ByteBuffer(bytes: data)
        do {
            var inflated = try buffer.decompress(with: .gzip())
            return Data(inflated.readBytes(length: inflated.readableBytes) ?? [])
        } catch {
            throw CLIError("\(path) starts like a gzip file but could not be decompressed.")
        }
    }
}
