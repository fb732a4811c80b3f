import Foundation

/// The command line's own errors, each one sentence naming its file, with the sysexits code
/// the README lists; rendered once, by `ExitCodes`.
enum CommandError: Error, LocalizedError, Equatable {
    /// The output cannot be created: no such folder, a folder where a file is meant, no permission (73).
    case cannotCreate(path: String, reason: String)
    /// The output would replace a file the command reads (73).
    case wouldOverwriteInput(path: String, role: String)
    /// Writing the output failed part-way: a full disk, a closed pipe (74).
    case writeFailed(target: String, reason: String)
    /// A folder named as the corpus does not exist or holds no manifest (66).
    case missingCorpus(path: String, reason: String)
    /// The arguments name something that cannot be (64).
    case usage(String)
    /// The data refuses what was asked of it: a duplicate document, a conflicting municipality (65).
    case badData(String)

    var errorDescription: String? {
        switch self {
        case .cannotCreate(let path, let reason): "\(path): cannot write: \(reason)"
        case .wouldOverwriteInput(let path, let role): "\(path): refusing to overwrite \(role), which this command reads"
        case .writeFailed(let target, let reason): "\(target): cannot write: \(reason)"
        case .missingCorpus(let path, let reason): "\(path): \(reason)"
        case .usage(let message), .badData(let message): message
        }
    }

    /// The sysexits code.
    var exitCode: Int32 {
        switch self {
        case .cannotCreate, .wouldOverwriteInput: 73
        case .writeFailed: 74
        case .missingCorpus: 66
        case .usage: 64
        case .badData: 65
        }
    }
}

/// The reason of the last failed system call, in lower case as messages put it.
func systemReason(_ code: Int32 = errno) -> String {
    let text = String(cString: strerror(code))
    return text.prefix(1).lowercased() + text.dropFirst()
}
