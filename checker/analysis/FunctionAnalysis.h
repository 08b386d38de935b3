//===- FunctionAnalysis.h - Lockset dataflow over one function's facts ----===//
//
// A forward dataflow over the blocks of one function: reverse post order,
// iterated to a fixpoint (locksets form a finite lattice), then one final
// pass that reports to the handler and records lock-order witnesses. Calls
// apply the callee's summary; the result is this function's own summary.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_ANALYSIS_FUNCTIONANALYSIS_H
#define LOCKGRAPH_ANALYSIS_FUNCTIONANALYSIS_H

#include "analysis/AnalysisHandler.h"
#include "analysis/LockOrderGraph.h"
#include "analysis/Summary.h"

#include <functional>
#include <map>
#include <set>
#include <string>

namespace lockgraph {

/// What the function analysis needs from the whole program.
struct ProgramContext {
  /// Summary of a callee by USR, or null when it has no facts.
  std::function<const FunctionSummary *(const std::string &)> Summary;
  /// Lock classes set up as recursive anywhere in the program.
  const std::set<std::string> *RecursiveClasses = nullptr;
  /// Thread entries (and main) by USR.
  const std::map<std::string, ThreadRoot> *Roots = nullptr;
  /// Functions some analysed function calls (by USR): an annotated access
  /// whose lock a callee does not take is checked in its callers.
  const std::set<std::string> *Called = nullptr;
};

/// Locks held (on every path) at one call, as candidate gates of the
/// callee's order edges: "G:<class>" for globals; "T:<class>" for the
/// caller's own members when the callee runs on the same object.
struct CallSiteLocks {
  std::string Callee;
  std::set<std::string> Held;
  bool SameThis = false; ///< The callee's `this` is the caller's.
  /// Keys, in the callee's frame, of the locks held on every path here.
  std::set<std::string> InCallee;
};

struct FunctionResult {
  FunctionSummary Summary;
  std::vector<CallSiteLocks> Calls;
};

/// Analyses \p F. With a null \p Handler and \p Graph it only computes the
/// summary (used while iterating recursive calls to a fixpoint).
FunctionResult analyzeFunction(const FunctionFacts &F,
                               const ProgramContext &Program,
                               AnalysisHandler *Handler,
                               LockOrderGraph *Graph);

} // namespace lockgraph

#endif
