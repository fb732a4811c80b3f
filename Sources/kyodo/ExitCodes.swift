import ArgumentParser
import KyodoDocument
import KyodoExtract
import KyodoReports
import KyodoText

/// Maps the modules' errors to sysexits codes: 64 usage, 65 bad data, 66 missing input,
/// 73 cannot create output, 74 output failed part-way.
enum ExitCodes {
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as TextError {
            switch error {
            case .missing, .unreadable, .isDirectory, .notRegular, .danglingLink: throw fail(error.errorDescription ?? "\(error)", 66)
            case .undecodable, .invalidUTF8, .notInEncoding, .binary, .empty, .blank, .tooLarge, .utf32, .utf16WithoutBOM, .control:
                throw fail(error.errorDescription ?? "\(error)", 65)
            }
        } catch let error as ReadError {
            // A PDF, web page or Word file that cannot be read: bad data, said with what to do.
            throw fail(error.errorDescription ?? "\(error)", 65)
        } catch let error as DataFileError {
            throw fail(error.errorDescription ?? "\(error)", 65)
        } catch let error as CorpusError {
            if case .noTextFiles = error { throw fail(error.errorDescription ?? "\(error)", 66) }
            throw fail(error.errorDescription ?? "\(error)", 64)
        } catch let error as ReportError {
            switch error {
            case .unknownFormat, .unknownTable: throw fail(error.description, 64)
            case .invalid: throw fail(error.description, 65)
            case .xml, .xlsx: throw fail(error.description, 70)
            }
        } catch let error as CommandError {
            throw fail(error.errorDescription ?? "\(error)", error.exitCode)
        } catch let error as ValidationError {
            // A usage error found while running (an id taken, a section not found): one sentence, like the rest.
            throw fail(error.message, 64)
        }
    }

    private static func fail(_ message: String, _ code: Int32) -> Error {
        Diagnostics.write("kyodo: error: " + message)
        return ExitCode(code)
    }
}
