import KyodoDocument
import KyodoFuzzSupport
import KyodoModel
import KyodoExtract
import KyodoText

/// The fuzz target: any bytes through the loader, the normaliser, the outline, the document tree
/// and the extractor.
/// Built with `-sanitize=fuzzer -DFUZZING` it is a libFuzzer target (see README); built plainly
/// it replays the files named on its command line, which is how CI smoke-tests it and how a
/// crash the fuzzer found is reproduced.
@_cdecl("LLVMFuzzerTestOneInput")
public func kyodoFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    exercise(bytes)
    return 0
}

/// Everything the tool does to a document, short of writing files.
func exercise(_ bytes: [UInt8]) {
    guard let source = try? TextLoader.decode(bytes, name: "fuzz.txt") else { return }
    for slice in source.lines.prefix(200) {
        let line = String(slice)
        _ = Normalizer.fold(line)
        _ = Normalizer.labelKey(line)
        _ = EraDate.find(in: line)
    }
    let outline = Outline(source)
    let document = Document(id: "fuzz", municipality: Municipality(id: "fuzz", name: "", nameEnglish: "", prefecture: "", code: ""),
                            title: "", kind: "fuzz", file: "fuzz.txt")
    let tree = DocumentTree(outline)
    _ = OutlineDump.render(tree)
    _ = GuidelineDump.render(Extractor().read(tree, document: document))
    _ = NamedSection.lines(of: "資料1", in: outline)
}

#if FUZZING
/// SwiftPM links an executable's `main` to `<product>_main`: hand it to libFuzzer.
@_cdecl("kyodo_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzSupport.runDriver(argc, argv, kyodoFuzz)
}
#else
/// Replays inputs: `kyodo-fuzz FILE|FOLDER…`.
@main
enum Replay {
    static func main() throws {
        let count = try FuzzSupport.replay(Array(CommandLine.arguments.dropFirst())) { exercise($0) }
        print("replayed \(count) inputs")
    }
}
#endif
