import Testing
import KyodoModel
@testable import KyodoCompare

@Suite struct BigramIndexTests {
    /// The inverted index must count exactly what merging two sorted bigram sets counts.
    @Test func sharedCountsEqualPairwiseMerges() {
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        let alphabet = Array("協働原則対等自主市民行政")
        var texts: [String] = []
        for i in 0..<40 {
            // Small alphabets so that pairs share bigrams; some texts empty, one a single character.
            if i % 13 == 0 { texts.append(""); continue }
            if i == 7 { texts.append("協"); continue }
            let length = Int(next() % 60)
            var text = ""
            for _ in 0..<length { text.append(alphabet[Int(next() % UInt64(alphabet.count))]) }
            texts.append(text)
        }
        let bigrams = texts.map(TextSimilarity.packedBigrams)
        // The index takes bigrams in text order with repeats; it must count each once.
        let index = BigramIndex(texts.map(TextSimilarity.bigramSequence))
        #expect(index.distinctCounts == bigrams.map(\.count))
        let shared = index.sharedCounts()
        let n = texts.count
        #expect(shared.count == SimilarityMatrix.triangleCount(n: n))
        for i in 0..<n {
            for j in i..<n {
                let merged = Set(bigrams[i]).intersection(bigrams[j]).count
                #expect(Int(shared[SimilarityMatrix.triangleIndex(i, j, n: n)]) == merged, "(\(i), \(j))")
            }
        }
    }

    @Test func matrixCellsAreDiceAndJaccardOnAccess() {
        let m = SimilarityMatrix(aspect: .principles, municipalities: ["a", "b", "c"], stated: [true, true, false],
                                 conceptBits: [0b0111, 0b0110, 0], conceptWords: 1, bigramCounts: [4, 6, 0],
                                 sharedBigrams: [4, 2, 0, 6, 0, 0])
        #expect(m.concepts(0, 1) == 2.0 / 3.0 && m.concepts(1, 0) == 2.0 / 3.0)
        #expect(m.text(0, 1) == 0.4 && m.text(1, 0) == 0.4 && m.text(1, 1) == 1)
        #expect(m.text(0, 2) == nil && m.concepts(2, 2) == nil && m.text(3, 0) == nil)
    }
}
