/// Dinic's maximum flow on a small graph with integer capacities. Edges come in pairs
/// (forward at an even index, its reverse at the next), so `edge ^ 1` is always the partner.
struct MaxFlow {
    private var head: [[Int]]
    private(set) var to: [Int] = []
    private(set) var capacity: [Int] = []

    init(nodes: Int) { head = Array(repeating: [], count: nodes) }

    /// Returns the edge's index; its flow is read back with `flow(on:)`.
    @discardableResult
    mutating func addEdge(from: Int, to target: Int, capacity amount: Int) -> Int {
        let index = to.count
        head[from].append(index)
        to.append(target)
        capacity.append(amount)
        head[target].append(index + 1)
        to.append(from)
        capacity.append(0)
        return index
    }

    /// The flow an edge carries: what its reverse edge has gained.
    func flow(on edge: Int) -> Int { capacity[edge + 1] }

    mutating func run(source: Int, sink: Int) -> Int {
        var total = 0
        while true {
            var level = [Int](repeating: -1, count: head.count)
            level[source] = 0
            var queue = [source], cursor = 0
            while cursor < queue.count {
                let node = queue[cursor]
                cursor += 1
                for edge in head[node] where capacity[edge] > 0 && level[to[edge]] < 0 {
                    level[to[edge]] = level[node] + 1
                    queue.append(to[edge])
                }
            }
            guard level[sink] >= 0 else { return total }
            var next = [Int](repeating: 0, count: head.count)
            while true {
                let pushed = push(from: source, sink: sink, limit: .max, level: level, next: &next)
                if pushed == 0 { break }
                total += pushed
            }
        }
    }

    private mutating func push(from node: Int, sink: Int, limit: Int, level: [Int], next: inout [Int]) -> Int {
        if node == sink { return limit }
        while next[node] < head[node].count {
            let edge = head[node][next[node]]
            let target = to[edge]
            if capacity[edge] > 0 && level[target] == level[node] + 1 {
                let pushed = push(from: target, sink: sink, limit: Swift.min(limit, capacity[edge]), level: level, next: &next)
                if pushed > 0 {
                    capacity[edge] -= pushed
                    capacity[edge ^ 1] += pushed
                    return pushed
                }
            }
            next[node] += 1
        }
        return 0
    }
}
