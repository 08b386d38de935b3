//===- RaceAnalysis.h - Pairs of accesses that may run at the same time ---===//
//
// The thread model of one function: the accesses its own thread makes (with
// the threads it started that may be running at that point) and the thread
// instances it starts (entries and threads left running by callees, with
// their accesses rebased into this frame). Two accesses race when their
// contexts may run at the same time, they touch one location, at least one
// writes, and no lock is held in common at both.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_ANALYSIS_RACEANALYSIS_H
#define LOCKGRAPH_ANALYSIS_RACEANALYSIS_H

#include "analysis/AnalysisHandler.h"

#include <string>
#include <vector>

namespace lockgraph {

/// An access made by the function's own thread.
struct OwnAccess {
  SummaryAccess A;
  std::vector<int> Running; ///< Instances that may run at that point.
};

/// A thread started in the function (or left running by a callee).
struct ThreadInstance {
  std::string Entry;
  SourcePos Spawn;
  CallChain Chain;
  bool Multi = false;   ///< Several copies may run at once.
  bool FromCall = false; ///< Left running by a callee, not started here.
  std::vector<int> RunningAtStart;
  std::vector<SummaryAccess> Accesses; ///< In the function's frame.
  std::vector<LockRef> Refs; ///< Objects passed by pointer or reference.
  std::vector<std::string> Acquires; ///< Lock keys and classes it takes.
};

/// True when the two lock sets share a lock: the same key, or, when either
/// side cannot name its lock precisely, the same lock class.
bool haveCommonLock(const std::vector<LockRef> &A,
                    const std::vector<LockRef> &B);

/// True when \p Loc names something the function's callers can see: a
/// global, or a location reached from `this` or a parameter, or a local of
/// another frame (captured by reference).
bool visibleToCallers(const LockRef &Loc, const std::string &LocalOwner);

/// Reports every racing pair among \p Own and \p Threads. \p Self names
/// the function's own thread in messages.
void reportRaces(const std::string &Self, const std::string &FrameUsr,
                 const std::vector<OwnAccess> &Own,
                 const std::vector<ThreadInstance> &Threads,
                 AnalysisHandler &Handler);

} // namespace lockgraph

#endif
