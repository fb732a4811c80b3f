/// How alike the municipalities are on one aspect: shared concepts over the union of concepts
/// (Jaccard) and character-bigram Dice of all their wording; nil where either municipality
/// states nothing on the aspect.
///
/// The matrix keeps what the two measures are made of rather than n² floating-point cells:
/// each municipality's concepts as a bit set and its number of distinct bigrams, and, for each
/// unordered pair, the number of bigrams the two share (the upper triangle, row by row). A cell
/// is computed on access, exactly as it would have been stored. At 5,000 municipalities that is
/// 50 MB per aspect instead of 400 MB for two dense `Double` matrices.
public struct SimilarityMatrix: Codable, Sendable, Hashable {
    /// Aspect.
    public var aspect: Aspect
    /// Municipality ids: the order of rows and columns.
    public var municipalities: [String]
    /// Whether each municipality states the aspect.
    public var stated: [Bool]
    /// Each municipality's concepts as a bit set: `conceptWords` words per municipality.
    public var conceptBits: [UInt64]
    /// Words per municipality in `conceptBits`.
    public var conceptWords: Int
    /// Each municipality's number of distinct character bigrams.
    public var bigramCounts: [Int]
    /// Shared bigrams of each pair (i ≤ j), the upper triangle packed row by row.
    public var sharedBigrams: [UInt32]

    public init(aspect: Aspect, municipalities: [String], stated: [Bool], conceptBits: [UInt64], conceptWords: Int,
                bigramCounts: [Int], sharedBigrams: [UInt32]) {
        self.aspect = aspect
        self.municipalities = municipalities
        self.stated = stated
        self.conceptBits = conceptBits
        self.conceptWords = conceptWords
        self.bigramCounts = bigramCounts
        self.sharedBigrams = sharedBigrams
    }

    /// Number of rows (and columns).
    public var count: Int { municipalities.count }

    /// Where the pair (i, j), i ≤ j, stands in the packed upper triangle of an n × n matrix.
    @inlinable public static func triangleIndex(_ i: Int, _ j: Int, n: Int) -> Int {
        i * n - i * (i - 1) / 2 + (j - i)
    }

    /// Cells in the packed upper triangle of an n × n matrix, diagonal included.
    @inlinable public static func triangleCount(n: Int) -> Int { n * (n + 1) / 2 }

    /// Shared concepts over the union of concepts of rows i and j; nil when either states
    /// nothing (or out of range).
    public func concepts(_ i: Int, _ j: Int) -> Double? {
        guard valid(i, j) else { return nil }
        var shared = 0, union = 0
        for w in 0..<conceptWords {
            let a = conceptBits[i * conceptWords + w], b = conceptBits[j * conceptWords + w]
            shared += (a & b).nonzeroBitCount
            union += (a | b).nonzeroBitCount
        }
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// Dice coefficient of the wording's character bigrams of rows i and j; nil when either
    /// states nothing (or out of range).
    public func text(_ i: Int, _ j: Int) -> Double? {
        guard valid(i, j) else { return nil }
        let total = bigramCounts[i] + bigramCounts[j]
        guard total > 0 else { return 0 }
        let shared = sharedBigrams[Self.triangleIndex(min(i, j), max(i, j), n: count)]
        return 2 * Double(shared) / Double(total)
    }

    private func valid(_ i: Int, _ j: Int) -> Bool {
        i >= 0 && j >= 0 && i < count && j < count && stated[i] && stated[j]
    }
}
