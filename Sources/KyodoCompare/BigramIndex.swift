import Dispatch
import KyodoModel

/// An inverted index of character bigrams over n texts (rows), for counting the bigrams every
/// pair of rows shares.
///
/// Bigrams get dense ids; each id's postings are the rows holding it, in row order, stored flat
/// (compressed rows). For each of a row's bigrams the index also keeps where the row itself
/// stands in that bigram's postings, so the rows after it are a contiguous tail.
struct BigramIndex {
    /// Rows, grouped by bigram id, ascending within each group.
    private(set) var postings: [Int32] = []
    /// For each row's bigrams in turn: the position of the row in that bigram's postings.
    private(set) var ownPosition: [Int] = []
    /// For each row's bigrams in turn: the end (exclusive) of that bigram's postings.
    private(set) var endOfGroup: [Int] = []
    /// Where each row's entries start in `ownPosition`; n + 1 entries.
    private(set) var rowStart: [Int] = []
    /// Number of rows.
    let count: Int

    /// Each row's number of distinct bigrams.
    var distinctCounts: [Int] { (0..<count).map { rowStart[$0 + 1] - rowStart[$0] } }

    /// Indexes rows given as packed bigrams, in any order, repeats allowed (a row counts each
    /// distinct bigram once).
    init(_ rows: [[UInt64]]) {
        count = rows.count
        var ids: [UInt64: Int] = [:]
        var lastRow: [Int] = []  // per id: the last row that took it, to skip repeats
        var rowIDs: [Int] = []
        rowStart = [0]
        rowStart.reserveCapacity(rows.count + 1)
        for (r, row) in rows.enumerated() {
            for bigram in row {
                let id = ids[bigram] ?? ids.count
                if id == ids.count { ids[bigram] = id; lastRow.append(-1) }
                guard lastRow[id] != r else { continue }
                lastRow[id] = r
                rowIDs.append(id)
            }
            rowStart.append(rowIDs.count)
        }
        // Counting sort by id; rows are visited in order, so each group is ascending.
        var next = [Int](repeating: 0, count: ids.count + 1)
        for id in rowIDs { next[id + 1] += 1 }
        for id in 0..<ids.count { next[id + 1] += next[id] }
        endOfGroup = rowIDs.map { next[$0 + 1] }
        postings = [Int32](repeating: 0, count: rowIDs.count)
        ownPosition = [Int](repeating: 0, count: rowIDs.count)
        for r in 0..<rows.count {
            for t in rowStart[r]..<rowStart[r + 1] {
                let id = rowIDs[t]
                postings[next[id]] = Int32(r)
                ownPosition[t] = next[id]
                next[id] += 1
            }
        }
    }

    /// The shared bigram count of every pair (i ≤ j), packed as the upper triangle row by row
    /// (the diagonal holds each row's own count). Rows are spread over the cores; row i writes
    /// only its own stretch of the triangle.
    func sharedCounts() -> [UInt32] {
        let n = count
        var out = [UInt32](repeating: 0, count: SimilarityMatrix.triangleCount(n: n))
        out.withUnsafeMutableBufferPointer { buffer in
            let cells = Cells(buffer.baseAddress!)
            postings.withUnsafeBufferPointer { postings in
                ownPosition.withUnsafeBufferPointer { own in
                    endOfGroup.withUnsafeBufferPointer { ends in
                        let postings = Shared(postings), own = Shared(own), ends = Shared(ends)
                        DispatchQueue.concurrentPerform(iterations: n) { i in
                            let row = cells.pointer + SimilarityMatrix.triangleIndex(i, i, n: n) - i  // row[j] is (i, j)
                            row[i] = UInt32(rowStart[i + 1] - rowStart[i])
                            for t in rowStart[i]..<rowStart[i + 1] {
                                var p = own.buffer[t] + 1
                                let end = ends.buffer[t]
                                while p < end {
                                    row[Int(postings.buffer[p])] &+= 1
                                    p += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}

/// Cells of a buffer written from several threads, each cell by one worker only.
private struct Cells: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<UInt32>
    init(_ pointer: UnsafeMutablePointer<UInt32>) { self.pointer = pointer }
}

/// A read-only buffer shared by the workers.
private struct Shared<T>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
    init(_ buffer: UnsafeBufferPointer<T>) { self.buffer = buffer }
}
