//===- LockOrderGraph.h - Which lock is taken while which is held ---------===//
//
// Nodes are lock classes (LockRef::className()): a global, or a field of a
// class standing for all its instances. An edge A -> B records that B was
// acquired (blocking) while A was held, with witnesses. Cycles are found per
// strongly connected component and reported once each; a cycle all of whose
// witnesses hold one common other lock (a gate) cannot deadlock and is
// dropped. A self-edge A -> A between two different instances of one class
// ("from.mu_" then "to.mu_") is a cycle of length one.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_ANALYSIS_LOCKORDERGRAPH_H
#define LOCKGRAPH_ANALYSIS_LOCKORDERGRAPH_H

#include "analysis/Summary.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace lockgraph {

/// One observation of an edge.
struct OrderWitness {
  LockRef From;        ///< The held lock, in the observing function's frame.
  LockRef To;          ///< The acquired lock.
  SourcePos FromSite;  ///< Where From was acquired.
  CallChain FromChain;
  SourcePos Site;      ///< Where To was acquired.
  CallChain Chain;     ///< Calls from Function to Site.
  std::string Function;     ///< Readable name of the observing function.
  std::string FunctionUsr;
  std::set<std::string> Gates; ///< Other lock classes held at the time.
};

struct OrderEdge {
  std::string From, To;
  std::vector<OrderWitness> Witnesses; ///< Sorted by site; capped.
};

struct LockCycle {
  /// Edges in cycle order; Edges[i].To == Edges[i+1].From. The first edge
  /// starts at the smallest node name.
  std::vector<const OrderEdge *> Edges;
};

class LockOrderGraph {
public:
  void addNode(const std::string &Name, LockKind Kind);
  void addWitness(OrderWitness W);
  /// Adds the locks always held when a function is entered to the gates of
  /// that function's witnesses ("G:<class>" globals, "T:<class>" members of
  /// the function's own object).
  void addEntryGates(const std::map<std::string, std::set<std::string>> &ByUsr);

  /// Elementary cycles (up to a bounded number and length), gated cycles
  /// removed, in a deterministic order.
  std::vector<LockCycle> cycles() const;

  const std::map<std::pair<std::string, std::string>, OrderEdge> &
  edges() const {
    return Edges;
  }
  const std::map<std::string, LockKind> &nodes() const { return Nodes; }

private:
  std::map<std::string, LockKind> Nodes;
  std::map<std::pair<std::string, std::string>, OrderEdge> Edges;
};

} // namespace lockgraph

#endif
