// A directed graph that stays acyclic: edges are added one at a time, and an
// edge that would close a cycle is refused with the cycle it would close.
//
// Nodes are opaque dense ids (1, 2, ...; 0 is never a node) handed out by
// add_node(); the graph knows nothing about locks. It keeps a topological
// order of its nodes up to date incrementally with the algorithm of
//
//   David J. Pearce and Paul H. J. Kelly, "A Dynamic Topological Sort
//   Algorithm for Directed Acyclic Graphs", ACM Journal of Experimental
//   Algorithmics 11 (2006), article 1.7.
//
// Every node has a position ord(n) with ord(a) < ord(b) for each edge a -> b.
// Adding x -> y when ord(x) < ord(y) already holds costs nothing beyond the
// adjacency update. Otherwise only the "affected region" is visited: the
// nodes reachable from y with ord < ord(x) (forward search; reaching x means
// a cycle) and the nodes that reach x with ord > ord(y) (backward search);
// their positions are then permuted among themselves. The cost is
// O(|δ| log |δ| + ||δ||), where δ is that region and ||δ|| its edges, which in
// lock graphs (a few locks nested in a consistent order) is tiny. The forward
// search is breadth-first, so a reported cycle is a shortest one through the
// new edge.
//
// Not thread-safe: the recorder calls it under its own internal mutex.
#pragma once

#include <cstdint>
#include <vector>

namespace lockgraph::detail {

class cycle_graph {
 public:
  using node_id = std::uint32_t;

  // Adds an isolated node, placed last in the order. Ids are never reused.
  node_id add_node();

  // Number of nodes added so far.
  std::size_t size() const { return ord_.size() - 1; }

  // Adds the edge from -> to and returns true; if it would close a cycle,
  // leaves the graph unchanged, stores the existing path to -> ... -> from in
  // *cycle (when given; both ends included) and returns false. An edge
  // already present is accepted again without change; a self-edge is a
  // cycle of one node.
  bool add_edge(node_id from, node_id to, std::vector<node_id>* cycle = nullptr);

  bool has_edge(node_id from, node_id to) const;

  // Position in the current topological order (for tests).
  std::uint32_t order_of(node_id n) const { return ord_[n]; }

  const std::vector<node_id>& successors(node_id n) const { return out_[n]; }

 private:
  // Breadth-first from `start` over nodes with ord < upper; fills region_
  // (in visit order) and parent_. Returns true when `target` is reached.
  bool search_forward(node_id start, node_id target, std::uint32_t upper);
  // Depth-first backwards from `start` over nodes with ord > lower.
  void search_backward(node_id start, std::uint32_t lower);
  void reorder();

  std::vector<std::uint32_t> ord_{0};          // node -> position
  std::vector<std::vector<node_id>> out_{{}};  // successors
  std::vector<std::vector<node_id>> in_{{}};   // predecessors
  std::vector<node_id> parent_{0};             // forward-search tree
  std::vector<char> visited_{0};
  std::vector<node_id> forward_;   // region found by the forward search
  std::vector<node_id> backward_;  // region found by the backward search
  std::vector<node_id> stack_;     // scratch
};

}  // namespace lockgraph::detail
