import KyodoCompare
import KyodoFuzzSupport
import KyodoModel
import KyodoReports
import KyodoText

/// The output-side fuzz target: any bytes as the cells of a report through the four writers
/// (the XML checked against the schema, where it must validate), as two texts through `diff`,
/// and as an XML file through `kyodo validate`. The first byte picks the job.
/// Built with `-sanitize=fuzzer -DFUZZING` it is a libFuzzer target; built plainly it replays
/// the files named on its command line.
@_cdecl("LLVMFuzzerTestOneInput")
public func kyodoFuzzOutput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let job = bytes.first else { return 0 }
    let rest = Array(bytes.dropFirst())
    switch job % 3 {
    case 0: writers(rest)
    case 1: diff(rest)
    default: _ = try? XMLValidator.validate(rest, name: "fuzz.xml")
    }
    return 0
}

/// Cells cut at 0xFF bytes, rows at 0xFE, decoded leniently: whatever they hold, every writer
/// renders them and the XML validates.
func writers(_ bytes: [UInt8]) {
    let rows = bytes.split(separator: 0xFE, omittingEmptySubsequences: false).prefix(64).map { row in
        row.split(separator: 0xFF, omittingEmptySubsequences: false).prefix(3).map { Value.text(String(decoding: $0, as: UTF8.self)) }
    }
    let cells = rows.map { $0 + Array(repeating: Value.empty, count: max(0, 3 - $0.count)) }
    let title = cells.first?.first?.text ?? ""
    let report = Report(title: title, metadata: [MetadataEntry("generator", "kyodo"), MetadataEntry("fuzz", title)], tables: [
        ReportTable(name: "items", title: title, columns: [Column("a", "A"), Column("b", title), Column("c", "C")], rows: cells),
    ])
    for format in WriterRegistry.formats {
        guard let writer = try? WriterRegistry.writer(format), let out = try? writer.render(report) else { continue }
        if format == "xml", let errors = try? XMLValidator.validate(out, name: "fuzz.xml"), !errors.isEmpty {
            fatalError("the XML writer wrote XML the schema refuses: \(errors)")  // a bug the fuzzer must report
        }
    }
}

/// Two texts (cut at the first 0xFF) through the version comparison.
func diff(_ bytes: [UInt8]) {
    let cut = bytes.firstIndex(of: 0xFF) ?? bytes.count / 2
    let old = SourceText(name: "old.txt", text: String(decoding: bytes[..<cut], as: UTF8.self))
    let new = SourceText(name: "new.txt", text: String(decoding: bytes[min(cut + 1, bytes.count)...], as: UTF8.self))
    let d = TextDiff(old: old, lines: 1...max(1, old.lineCount), new: new, lines: 1...max(1, new.lineCount))
    _ = d.hunks.flatMap(\.changes).count
}

#if FUZZING
/// SwiftPM links an executable's `main` to `<product>_main`: hand it to libFuzzer.
@_cdecl("kyodo_fuzz_output_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzSupport.runDriver(argc, argv, kyodoFuzzOutput)
}
#else
/// Replays inputs: `kyodo-fuzz-output FILE|FOLDER…`.
@main
enum Replay {
    static func main() throws {
        let count = try FuzzSupport.replay(Array(CommandLine.arguments.dropFirst())) { for job: UInt8 in 0..<3 { _ = kyodoFuzzOutput([job] + $0, $0.count + 1) } }
        print("replayed \(count) inputs, each through the writers, diff and validate")
    }
}
#endif
