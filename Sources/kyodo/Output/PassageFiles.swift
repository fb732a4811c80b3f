import KyodoDocument
import KyodoModel
import KyodoReports
import KyodoText

/// The lines of the documents a command read, for the passages an HTML view quotes: each file
/// is read again (the readers keep no text; a PDF's or web page's is its extracted text), on
/// every core.
enum PassageFiles {
    static func lookup(_ read: CorpusOptions.Read, options: TextLoader.Options) throws -> PassageLookup {
        let loaded = Parallel.map(read.paths.count) { i in
            Result { try DocumentReader.read(path: read.paths[i], name: read.guidelines[i].document.file, options: options).tree.source }
        }
        var sources: [String: SourceText] = [:]
        for (g, result) in zip(read.guidelines, loaded) { sources[g.document.id] = try result.get() }
        let shared = sources
        return PassageLookup { document, range in
            guard let source = shared[document] else { return nil }
            return range.clamped(to: 1...max(1, source.lineCount)).map { String(source.slice($0)) }
        }
    }
}
