import KyodoModel
import KyodoText

extension Extraction {
    /// Article captions standing alone one after another, three or more about the aspect
    /// (`（住民主体の原則）` `（協働の原則）` `（人権尊重の原則）` …): an ordinance printed without its
    /// articles' text (a contents view) names its principles by them. Each caption is an item,
    /// its label the caption without its parentheses, its line the caption's.
    func captionRun(_ aspect: Aspect) -> ([Item], Block)? {
        let rules = Set(liveRules.filter { data.headings[$0].aspect == aspect && !data.headings[$0].inSentence })
        guard !rules.isEmpty else { return nil }
        var run: [(line: Int, label: String)] = []
        var block: Block?
        var ended = false  // a line that is no such caption ended a run of three or more
        // (The captions may stand in one block or one a block.)
        for (i, b) in blocks.enumerated() where b.isParagraph && !excluded.contains(i) && !consumed.contains(i) {
            for (line, text) in b.lineTexts {
                if isCaption(text), case let label = String(text.dropFirst().dropLast()).trimmedSpaces(),
                   topics(ofText: label).contains(where: rules.contains) {
                    if run.isEmpty { block = b }
                    run.append((line, label))
                    continue
                }
                if run.count >= 3 { ended = true; break }
                run = []
            }
            if ended { break }
        }
        guard run.count >= 3, let block else { return nil }
        let found = run.enumerated().map { n, c in item(aspect, n + 1, label: c.label, lines: c.line...c.line) }
        return (found, block)
    }
}
