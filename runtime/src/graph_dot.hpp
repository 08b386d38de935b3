// The runtime's lock-order graph as Graphviz DOT (lockgraph::write_graph,
// LOCKGRAPH_GRAPH).
#pragma once

#include "recorder.hpp"

#include <string>

namespace lockgraph::detail {

// The graph of `data` (its nodes and edges; findings are ignored) in the
// conventions of `lockgraph check --graph` (checker/report/DotEmitter.cpp):
//
//   digraph lockgraph {
//     node [shape=box];
//     "a" [tooltip="mutex", color=red];
//     "a" -> "b" [label="bank.cpp:24", color=red];
//   }
//
// Nodes sorted by name, edges by (from, to); an edge is labelled with the
// base name and line of its first witness site; edges of reported cycles
// and their ends are red. The same data gives the same bytes, and the same
// bytes as `lockgraph graph` on the JSON report of the run.
std::string graph_dot(const report_data& data);

}  // namespace lockgraph::detail
