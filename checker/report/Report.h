//===- Report.h - Everything one run writes: findings plus the lock graph -===//
#ifndef LOCKGRAPH_REPORT_REPORT_H
#define LOCKGRAPH_REPORT_REPORT_H

#include "report/Finding.h"

#include <string>
#include <vector>

namespace lockgraph {

/// One lock class in the lock-order graph (a global, a static, or a field of
/// a class: "Account::mu_").
struct GraphNode {
  std::string Name;
  std::string Kind; ///< "mutex", "recursive_mutex", "shared_mutex", "unknown".
};

/// "To was acquired while From was held", with up to a few witness sites.
struct GraphEdge {
  std::string From;
  std::string To;
  std::vector<SourcePos> Sites; ///< Where To was acquired (first is shown).
  bool InCycle = false;         ///< Part of a reported cycle.
};

struct LockGraphData {
  std::vector<GraphNode> Nodes; ///< Sorted by name.
  std::vector<GraphEdge> Edges; ///< Sorted by (From, To).
};

struct Report {
  std::string Tool = "lockgraph check";
  std::vector<Finding> Findings; ///< Sorted, deduplicated.
  LockGraphData Graph;
};

} // namespace lockgraph

#endif
