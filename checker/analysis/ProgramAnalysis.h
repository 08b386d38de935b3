//===- ProgramAnalysis.h - All translation units analysed as one program --===//
//
// Merges the facts of every translation unit (one definition per USR, the
// first in file order), finds the thread entries, and analyses functions
// bottom-up over the call graph's strongly connected components so that
// every call sees its callee's summary; recursive components are iterated
// to a fixpoint before reporting. Finally, the lock classes each function
// is always entered with become gates of its witnesses, and the cycles of
// the lock-order graph are handed to the handler.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_ANALYSIS_PROGRAMANALYSIS_H
#define LOCKGRAPH_ANALYSIS_PROGRAMANALYSIS_H

#include "analysis/AnalysisHandler.h"
#include "analysis/LockOrderGraph.h"
#include "model/Facts.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace lockgraph {

class ProgramAnalysis {
public:
  /// Adds one translation unit; call in a deterministic order.
  void add(TranslationUnitFacts TU);

  void run(AnalysisHandler &Handler);

  const LockOrderGraph &graph() const { return Graph; }
  const std::map<std::string, ThreadRoot> &roots() const { return Roots; }

private:
  /// Points every call and spawn at one definition: the only one, or the
  /// one from the caller's translation unit, or the first in file order.
  void resolveCallees();

  /// Library code: the public methods of a class that takes its own locks,
  /// when no thread the program starts reaches it, may run in parallel.
  void findLibraryRaces(
      const std::map<std::string, std::vector<std::string>> &CallGraph,
      const std::map<std::string, FunctionSummary> &Summaries,
      AnalysisHandler &Handler);

  /// Definitions by USR plus location: two programs in one compile
  /// database may each define a `main` or an external `worker`.
  std::map<std::string, FunctionFacts> Functions;
  std::map<std::string, std::string> TranslationUnitOf; ///< Key -> TU file.
  std::map<std::string, std::vector<std::string>> ByUsr;
  std::set<std::string> RecursiveClasses;
  std::map<std::string, ThreadRoot> Roots;
  LockOrderGraph Graph;
};

} // namespace lockgraph

#endif
