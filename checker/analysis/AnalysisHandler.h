//===- AnalysisHandler.h - Events the analysis reports to the checks ------===//
//
// As in Clang's thread-safety analysis, the analysis never formats a
// diagnostic: it calls one virtual per kind of event, with an empty default,
// and each check subscribes to the events it turns into findings.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_ANALYSIS_ANALYSISHANDLER_H
#define LOCKGRAPH_ANALYSIS_ANALYSISHANDLER_H

#include "analysis/Lockset.h"

#include <string>
#include <vector>

namespace lockgraph {

struct LockCycle;

/// A thread entry the analysis knows: main or a function some code starts
/// a thread on.
struct ThreadRoot {
  std::string Name;
  SourcePos Spawn; ///< Where a thread starts running it (invalid for main).
};

/// One side of a pair of conflicting accesses.
struct AccessWitness {
  LockRef Loc;
  bool Write = false;
  SourcePos Site;
  CallChain Chain;            ///< Calls from the thread's code to Site.
  std::vector<LockRef> Held;  ///< Locks held there on every path.
  std::string Thread;         ///< Readable name of the code running it.
  SourcePos ThreadStart;      ///< Where that thread starts (if known).
  /// Made by the thread that runs the function where the pair was found
  /// (whose callers' locks are not in Held).
  bool OwnThread = false;
};

struct RaceFinding {
  enum KindTy : uint8_t {
    Threads,    ///< Two threads that may run at the same time.
    Library,    ///< Two public methods of a class that takes its own locks.
    Annotation, ///< A GUARDED_BY location accessed without its lock.
  };
  KindTy Kind = Threads;
  AccessWitness First;  ///< Reported here (the unguarded write if any).
  AccessWitness Second; ///< The conflicting access (unused: Annotation).
  std::vector<LockRef> Required; ///< Annotation: the locks it needs.
  std::string Function; ///< USR of the function where the pair was found.
};

class AnalysisHandler {
public:
  virtual ~AnalysisHandler();

  /// \p Lock is acquired at \p Site (reached from \p F through \p Chain)
  /// while \p First already holds it; \p Must when held on every path.
  virtual void handleDoubleAcquire(const FunctionFacts &F,
                                   const HeldFact &First, const LockRef &Lock,
                                   const SourcePos &Site,
                                   const CallChain &Chain, bool Must) {}

  /// \p Lock is released at \p Site after \p Previous already released it
  /// on every path.
  virtual void handleDoubleRelease(const FunctionFacts &F, const LockRef &Lock,
                                   const SourcePos &Site,
                                   const CallChain &Chain,
                                   const ReleaseFact &Previous) {}

  /// \p Lock is released at \p Site while held only on some paths (it was
  /// acquired at \p Held's site).
  virtual void handleReleaseMaybeNotHeld(const FunctionFacts &F,
                                         const LockRef &Lock,
                                         const SourcePos &Site,
                                         const CallChain &Chain,
                                         const HeldFact &Held,
                                         const ThreadRoot *Root) {}

  /// A thread entry (or main) releases \p Lock, which it never acquired.
  virtual void handleReleaseInThread(const FunctionFacts &F,
                                     const ThreadRoot &Root,
                                     const SummaryRelease &Release) {}

  /// \p F returns at \p Return holding \p Held. \p OnEveryPath is false when
  /// other returns release it; \p Root names the thread entry when \p F is
  /// one (then the lock is held when the thread ends).
  virtual void handleHeldAtReturn(const FunctionFacts &F, const HeldFact &Held,
                                  const SourcePos &Return, bool OnEveryPath,
                                  const ThreadRoot *Root) {}

  /// An exception leaves \p F at \p Throw while \p Held, taken by hand
  /// (no guard unlocks it during unwinding), is held.
  virtual void handleHeldAtThrow(const FunctionFacts &F, const HeldFact &Held,
                                 const SourcePos &Throw) {}

  /// A cycle of the lock-order graph that no common lock guards.
  virtual void handleLockCycle(const LockCycle &Cycle) {}

  /// Two accesses to one location that may run at the same time, at least
  /// one a write, with no lock in common (or an annotated location
  /// accessed without its lock).
  virtual void handleRace(const RaceFinding &Race) {}

  /// \p What may block indefinitely at \p Site while \p Held is held.
  /// \p NeededByJoined: it joins a thread that acquires that lock.
  virtual void handleBlockingUnderLock(const FunctionFacts &F,
                                       const std::string &What,
                                       const SourcePos &Site,
                                       const CallChain &Chain,
                                       const HeldFact &Held,
                                       bool NeededByJoined) {}

  /// The thread object \p Thread may be destroyed (or, \p Reassigned,
  /// assigned a new thread) at \p Where while joinable.
  virtual void handleThreadNotJoined(const FunctionFacts &F,
                                     const JoinableFact &Thread,
                                     const SourcePos &Where, bool Reassigned) {}

  /// A detached thread started at \p Spawn refers to \p Local, a local of
  /// \p F, which ends when \p F returns (\p Use: where the thread uses it,
  /// if known).
  virtual void handleDetachedEscape(const FunctionFacts &F,
                                    const SourcePos &Spawn,
                                    const std::string &Entry,
                                    const LockRef &Local,
                                    const SourcePos &Use) {}
};

} // namespace lockgraph

#endif
