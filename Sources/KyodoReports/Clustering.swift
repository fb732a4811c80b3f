/// Average-linkage (UPGMA) hierarchical clustering, for ordering a similarity heatmap so that
/// alike municipalities stand together. Deterministic: ties go to the lowest indices.
enum Clustering {
    /// The leaves in the order the merge tree lays them out. `distance(i, j)` is symmetric and
    /// non-negative. Quadratic memory, cubic time: meant for a few hundred items.
    static func order(count n: Int, distance: (Int, Int) -> Double) -> [Int] {
        guard n > 2 else { return Array(0..<n) }
        var d = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let x = distance(i, j)
                d[i * n + j] = x
                d[j * n + i] = x
            }
        }
        // Each live cluster: its leaves in order, at the index of its first member.
        var leaves: [[Int]?] = (0..<n).map { [$0] }
        var live = Array(0..<n)
        while live.count > 1 {
            var best = (a: live[0], b: live[1], d: Double.infinity)
            for (p, a) in live.enumerated() {
                for b in live[(p + 1)...] where d[a * n + b] < best.d {
                    best = (a, b, d[a * n + b])
                }
            }
            let (a, b) = (best.a, best.b)
            let sa = Double(leaves[a]!.count), sb = Double(leaves[b]!.count)
            for k in live where k != a && k != b {
                let x = (sa * d[a * n + k] + sb * d[b * n + k]) / (sa + sb)
                d[a * n + k] = x
                d[k * n + a] = x
            }
            leaves[a]! += leaves[b]!
            leaves[b] = nil
            live.removeAll { $0 == b }
        }
        return leaves[live[0]]!
    }
}
