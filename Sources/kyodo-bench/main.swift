import Foundation
import KyodoCompare
import KyodoModel
import KyodoDocument
import KyodoExtract
import KyodoText

// Measures Kyodo (release build); nothing is asserted.
//   swift run -c release kyodo-bench [corpus-folder] [rounds]   stages over a small corpus, repeated
//   swift run -c release kyodo-bench scale FOLDER               a generated corpus (scripts/generate_corpus.py):
//                                                               throughput, accuracy, compare --all, peak memory
//                                                               (--no-compare: reading only, e.g. under callgrind)
//   swift run -c release kyodo-bench pipeline FOLDER [--rounds N] [--all-cores]
//                                                               files to guidelines on one core, the tool's own path
//                                                               (CorpusReader.read), alone, best of N (5; 1 under callgrind);
//                                                               with --all-cores through CorpusReader.readAll
//   swift run -c release kyodo-bench file FILE [--rounds N]     one document (PDF, HTML, DOCX, text) read and extracted, best of N

let arguments = CommandLine.arguments
let usage = """
    usage: kyodo-bench [CORPUS-FOLDER] [ROUNDS]                 each stage over a small corpus (default: corpus, 50)
           kyodo-bench scale FOLDER [--no-compare]              a generated corpus: throughput, accuracy, compare --all, memory
           kyodo-bench pipeline FOLDER [--rounds N] [--all-cores]  files to guidelines, the tool's own path, best of N
           kyodo-bench file FILE [--rounds N]                   one document of any format read and extracted, best of N
    """
if arguments.dropFirst().contains(where: { $0 == "--help" || $0 == "-h" }) {
    print(usage)
    exit(0)
}
if arguments.count == 2, ["pipeline", "scale", "file"].contains(arguments[1]) {
    FileHandle.standardError.write(Data("kyodo-bench: \(arguments[1]) needs a \(arguments[1] == "file" ? "FILE" : "FOLDER")\n\(usage)\n".utf8))
    exit(64)
}
if arguments.count > 2, arguments[1] == "file" {
    let rounds = arguments.firstIndex(of: "--rounds").flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil } ?? 10
    try FileRead.run(path: arguments[2], rounds: rounds)
    exit(0)
}
if arguments.count > 2, arguments[1] == "pipeline" {
    let rounds = arguments.firstIndex(of: "--rounds").flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil } ?? 5
    try Scale.pipeline(folder: arguments[2], rounds: rounds, allCores: arguments.contains("--all-cores"))
    exit(0)
}
if arguments.count > 2, arguments[1] == "scale" {
    try Scale.run(folder: arguments[2], compare: !arguments.contains("--no-compare"))
    exit(0)
}
let folder = arguments.count > 1 ? arguments[1] : "corpus"
guard FileManager.default.fileExists(atPath: folder + "/manifest.tsv") else {
    FileHandle.standardError.write(Data("kyodo-bench: no manifest.tsv in \(folder)\n\(usage)\n".utf8))
    exit(66)
}
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 50 : 50
let extractor = Extractor()

let manifest = try Manifest.load(path: folder + "/manifest.tsv")
let files = manifest.documents.map { ($0, manifest.path(of: $0)) }
let bytes = try files.map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0.1))) }
let totalBytes = bytes.reduce(0) { $0 + $1.count }
let megabytes = Double(totalBytes * rounds) / 1_000_000

func measure(_ name: String, unit: (Double) -> String, _ body: () throws -> Void) rethrows {
    let clock = ContinuousClock()
    try body()  // warm-up
    let elapsed = try clock.measure { for _ in 0..<rounds { try body() } }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(name.padding(toLength: 34, withPad: " ", startingAt: 0), unit(seconds))
}

print("corpus: \(files.count) documents, \(totalBytes) bytes; \(rounds) rounds")
let texts = try bytes.enumerated().map { try TextLoader.decode($1, name: files[$0].0.file) }
let joined = texts.map { $0.text }
var sink = 0

try measure("load (decode + split lines)", unit: { String(format: "%8.1f MB/s", megabytes / $0) }) {
    for (i, b) in bytes.enumerated() { sink &+= try TextLoader.decode(b, name: files[i].0.file).lineCount }
}
measure("Normalizer.fold", unit: { String(format: "%8.1f MB/s", megabytes / $0) }) {
    for t in joined { sink &+= Normalizer.fold(t).utf8.count }
}
measure("Foundation NFKC (for comparison)", unit: { String(format: "%8.1f MB/s", megabytes / $0) }) {
    for t in joined { sink &+= t.precomposedStringWithCompatibilityMapping.utf8.count }
}
measure("outline", unit: { String(format: "%8.1f MB/s", megabytes / $0) }) {
    for t in texts { sink &+= Outline(t).blocks.count }
}
measure("outline + tree + extract", unit: { String(format: "%8.1f MB/s  %8.0f documents/s", megabytes / $0, Double(files.count * rounds) / $0) }) {
    for (i, t) in texts.enumerated() {
        let outline = Outline(t)
        sink &+= extractor.read(DocumentTree(outline), document: files[i].0).items.count
    }
}
print("(checksum \(sink))")
