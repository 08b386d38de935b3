//===- RecordingHandler.h - An AnalysisHandler that keeps every event -----===//
//
// The analysis hands its events references into state that dies with the
// call, so the recorder copies what tests compare: names, sites, chains and
// flags. Cycles are recorded as their node names in cycle order.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_UNITTESTS_RECORDINGHANDLER_H
#define LOCKGRAPH_UNITTESTS_RECORDINGHANDLER_H

#include "analysis/AnalysisHandler.h"
#include "analysis/LockOrderGraph.h"

#include <optional>
#include <string>
#include <vector>

namespace lockgraph {
namespace test {

class RecordingHandler : public AnalysisHandler {
public:
  struct DoubleAcquire {
    std::string Function;
    HeldFact First;
    LockRef Lock;
    SourcePos Site;
    CallChain Chain;
    bool Must;
  };
  struct DoubleRelease {
    std::string Function;
    LockRef Lock;
    SourcePos Site;
    CallChain Chain;
    ReleaseFact Previous;
  };
  struct ReleaseMaybeNotHeld {
    std::string Function;
    LockRef Lock;
    SourcePos Site;
    CallChain Chain;
    HeldFact Held;
    std::optional<ThreadRoot> Root;
  };
  struct ReleaseInThread {
    std::string Function;
    ThreadRoot Root;
    SummaryRelease Release;
  };
  struct HeldAtReturn {
    std::string Function;
    HeldFact Held;
    SourcePos Return;
    bool OnEveryPath;
    std::optional<ThreadRoot> Root;
  };
  struct Cycle {
    std::vector<std::string> Nodes; ///< Edges[i].From, in cycle order.
    std::vector<OrderEdge> Edges;
  };

  std::vector<DoubleAcquire> DoubleAcquires;
  std::vector<DoubleRelease> DoubleReleases;
  std::vector<ReleaseMaybeNotHeld> ReleasesMaybeNotHeld;
  std::vector<ReleaseInThread> ReleasesInThread;
  std::vector<HeldAtReturn> HeldAtReturns;
  std::vector<Cycle> Cycles;

  size_t total() const {
    return DoubleAcquires.size() + DoubleReleases.size() +
           ReleasesMaybeNotHeld.size() + ReleasesInThread.size() +
           HeldAtReturns.size() + Cycles.size();
  }

  void handleDoubleAcquire(const FunctionFacts &F, const HeldFact &First,
                           const LockRef &Lock, const SourcePos &Site,
                           const CallChain &Chain, bool Must) override {
    DoubleAcquires.push_back({F.Name, First, Lock, Site, Chain, Must});
  }
  void handleDoubleRelease(const FunctionFacts &F, const LockRef &Lock,
                           const SourcePos &Site, const CallChain &Chain,
                           const ReleaseFact &Previous) override {
    DoubleReleases.push_back({F.Name, Lock, Site, Chain, Previous});
  }
  void handleReleaseMaybeNotHeld(const FunctionFacts &F, const LockRef &Lock,
                                 const SourcePos &Site, const CallChain &Chain,
                                 const HeldFact &Held,
                                 const ThreadRoot *Root) override {
    ReleasesMaybeNotHeld.push_back(
        {F.Name, Lock, Site, Chain, Held,
         Root ? std::optional<ThreadRoot>(*Root) : std::nullopt});
  }
  void handleReleaseInThread(const FunctionFacts &F, const ThreadRoot &Root,
                             const SummaryRelease &Release) override {
    ReleasesInThread.push_back({F.Name, Root, Release});
  }
  void handleHeldAtReturn(const FunctionFacts &F, const HeldFact &Held,
                          const SourcePos &Return, bool OnEveryPath,
                          const ThreadRoot *Root) override {
    HeldAtReturns.push_back(
        {F.Name, Held, Return, OnEveryPath,
         Root ? std::optional<ThreadRoot>(*Root) : std::nullopt});
  }
  void handleLockCycle(const LockCycle &C) override {
    Cycle Copy;
    for (const OrderEdge *E : C.Edges) {
      Copy.Nodes.push_back(E->From);
      Copy.Edges.push_back(*E);
    }
    Cycles.push_back(std::move(Copy));
  }
};

} // namespace test
} // namespace lockgraph

#endif
