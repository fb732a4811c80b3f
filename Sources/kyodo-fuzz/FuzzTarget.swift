import KyodoDocument
import KyodoFuzzSupport
import KyodoModel
import KyodoExtract
import KyodoText

/// The fuzz target: any bytes through the readers (text, PDF, web page, Word file: the bytes
/// pick the reader, as they do for a user's file), the normaliser, the outline, the document
/// tree and the extractor.
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
    if let read = try? DocumentReader.read(bytes: bytes, path: "fuzz") {
        exercise(read)
        // Text is also a web page's body: the HTML reader sees every input too.
        if read.format == .text, let page = try? DocumentReader.read(bytes: Array("<!DOCTYPE html><html><body>".utf8) + bytes, path: "fuzz.html") {
            exercise(page)
        }
    } else if let source = try? TextLoader.decode(bytes, name: "fuzz.txt") {
        // (A blank text the reader refuses still goes through the outline.)
        exercise(DocumentReader.Read(tree: DocumentTree(source), notes: []))
    }
}

func exercise(_ read: DocumentReader.Read) {
    let source = read.tree.source
    for slice in source.lines.prefix(200) {
        let line = String(slice)
        _ = Normalizer.fold(line)
        _ = Normalizer.labelKey(line)
        _ = EraDate.find(in: line)
    }
    let document = Document(id: "fuzz", municipality: Municipality(id: "fuzz", name: "", nameEnglish: "", prefecture: "", code: ""),
                            title: "", kind: "fuzz", file: "fuzz.txt")
    _ = OutlineDump.render(read.tree)
    _ = GuidelineDump.render(Extractor().read(read.tree, document: document, notes: read.notes))
    _ = NamedSection.lines(of: "資料1", in: read.tree.outline)
    if let last = source.pageStarts.last { _ = source.page(ofLine: last) }
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
