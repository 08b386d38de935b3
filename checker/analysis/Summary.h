//===- Summary.h - What a call to a function does to the caller's locks ---===//
//
// Summaries are expressed in the callee's frame (roots `this` and
// parameters) and rebased onto the caller's expressions at each call site.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_ANALYSIS_SUMMARY_H
#define LOCKGRAPH_ANALYSIS_SUMMARY_H

#include "model/Facts.h"

#include <string>
#include <vector>

namespace lockgraph {

/// One call on the way from a function to an operation inside a callee.
struct CallStep {
  SourcePos Site;
  std::string Callee; ///< Readable name.
};
using CallChain = std::vector<CallStep>;

/// A blocking acquisition made by the function or by something it calls.
struct SummaryAcquire {
  LockRef Lock;
  AccessMode Mode = AccessMode::Exclusive;
  SourcePos Site;  ///< The acquisition itself (possibly in a callee).
  CallChain Chain; ///< Calls from the function down to Site.
  /// Entry locks released on every path before the acquisition: a caller
  /// holding one of them does not hold it any more at that point.
  std::vector<LockRef> ReleasedBefore;
  /// Taken on every path through the function. A conditional acquisition
  /// against a lock held on some paths is not reported: path-insensitive
  /// analysis would pair conditions that exclude each other.
  bool Unconditional = true;
};

/// A lock the function returns holding (a net acquisition).
struct SummaryHeld {
  LockRef Lock;
  AccessMode Mode = AccessMode::Exclusive;
  bool Must = true; ///< On every path.
  SourcePos Site;
  CallChain Chain;
};

/// A lock the function releases without having acquired it.
struct SummaryRelease {
  LockRef Lock;
  bool Must = true;
  SourcePos Site;
  CallChain Chain;
};

/// An order edge inside the function between locks its own frame cannot
/// name (bare parameters); callers name them by substitution.
struct SummaryEdge {
  LockRef From, To;
  SourcePos FromSite, Site;
  CallChain FromChain, Chain;
};

/// How a function that returns holding a lock on some paths tells its
/// caller whether it did.
enum class TryResult : uint8_t {
  None,            ///< It does not: a conditional acquire function.
  HeldWhenNonZero, ///< Non-zero / non-null result: held (bool, pointer).
  HeldWhenZero,    ///< Zero result: held (pthread style).
  Distinct,        ///< Other distinct constants.
};

/// A read or write of a location a caller can name, made by the function
/// or something it calls.
struct SummaryAccess {
  LockRef Loc;
  bool Write = false;
  SourcePos Site;
  CallChain Chain;
  /// Locks held at the access on every path, in this frame (a caller adds
  /// its own unless InThread).
  std::vector<LockRef> Held;
  /// Locks its annotations (GUARDED_BY) require and no frame so far holds.
  std::vector<LockRef> Required;
  /// Made by a thread the function starts and joins: the caller's locks
  /// do not protect it.
  bool InThread = false;
};

/// A thread the function starts that may still run when it returns.
struct SummaryThread {
  std::string Entry; ///< Readable name of its entry function.
  SourcePos Spawn;
  CallChain Chain; ///< Calls from the function down to Spawn.
  bool Multi = false; ///< Several instances may run at once.
  std::vector<SummaryAccess> Accesses;
};

/// A call that may block indefinitely, made by the function or a callee.
struct SummaryBlocking {
  std::string What;
  SourcePos Site;
  CallChain Chain;
  std::vector<LockRef> Frees; ///< Released while waiting (a condition wait).
};

struct FunctionSummary {
  TryResult Try = TryResult::None;
  /// Constructors: members bound to what the caller passed (see
  /// FunctionFacts::FieldAliases), in the constructor's frame.
  std::vector<std::pair<std::string, LockRef>> FieldAliases;
  std::vector<SummaryAcquire> Acquires;
  std::vector<SummaryHeld> HeldAtExit;
  std::vector<SummaryRelease> Releases;
  std::vector<SummaryEdge> OpenEdges;
  std::vector<SummaryAccess> Accesses;
  std::vector<SummaryThread> Threads;
  std::vector<SummaryBlocking> Blocking;

  /// Compares what callers see (locks, modes, must-ness), for the fixpoint
  /// over recursive calls.
  bool sameEffect(const FunctionSummary &O) const;
};

/// Rebases a callee-frame lock onto the caller's arguments of \p Call; roots
/// with no matching argument become unknown.
LockRef substitute(const LockRef &Lock, const Event &Call);

} // namespace lockgraph

#endif
