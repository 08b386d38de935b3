//===- Lockset.h - The locks held at one program point --------------------===//
//
// A lockset holds facts sorted by lock key. Each fact says whether the lock
// is held on every path reaching the point (must) or only on some (may),
// where it was acquired, and which RAII guard, if any, owns it. Joins keep a
// fact "must" only when both sides have it "must"; what differs becomes
// "may". Guard ownership is a property of facts, so moving, releasing and
// destroying guards are plain updates of the facts they own.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_ANALYSIS_LOCKSET_H
#define LOCKGRAPH_ANALYSIS_LOCKSET_H

#include "analysis/Summary.h"

#include <map>
#include <string>
#include <vector>

namespace lockgraph {

struct HeldFact {
  std::string Key;
  LockRef Lock;
  AccessMode Mode = AccessMode::Exclusive;
  bool Must = true;
  unsigned Count = 1; ///< Recursive depth, saturating at 2.
  SourcePos Site;     ///< Where it was acquired.
  CallChain Chain;    ///< Calls leading to Site when acquired in a callee.
  int Guard = -1;     ///< Owning guard slot.
  int TryId = -1;     ///< Held only on the success branch of this try.
  bool Unmanaged = false; ///< Ownership handed elsewhere (guard.release()).
  /// The caller's lock: held at entry (adopted by a guard) or re-acquired
  /// after this function released the caller's hold. Not a net acquisition.
  bool Entry = false;
  /// Held on some paths because others released it (not because they never
  /// acquired it): a later release on the paths that still hold it is fine.
  bool MaybeReleased = false;
};

/// A lock this function released: either one it acquired (so a second
/// release is a double unlock) or one it never acquired (an entry lock).
struct ReleaseFact {
  std::string Key;
  LockRef Lock;
  bool Must = true;
  bool Entry = false; ///< Released without being acquired here.
  SourcePos Site;
  CallChain Chain;
};

struct GuardFact {
  std::vector<LockRef> Locks;
  AccessMode Mode = AccessMode::Exclusive;
  /// The guard owns its locks on every path (so its destruction unlocks
  /// them, and unlocking them by hand first is a double unlock).
  bool Owns = false;
  SourcePos Site;
};

/// A thread this function started that may be running at this point.
struct RunningFact {
  int Id = -1;        ///< Index of the thread instance in the function.
  std::string Object; ///< Key of the object that owns it ("" if unknown).
  bool operator==(const RunningFact &O) const {
    return Id == O.Id && Object == O.Object;
  }
};

/// A thread object (std::thread) that is joinable at this point.
struct JoinableFact {
  std::string Key;
  LockRef Object;
  SourcePos Start; ///< Where its thread was started.
  bool Must = true;
  bool operator==(const JoinableFact &O) const {
    return Key == O.Key && Must == O.Must && Start == O.Start;
  }
};

class Lockset {
public:
  bool Reachable = false;
  std::vector<HeldFact> Held;        ///< Sorted by Key.
  std::vector<ReleaseFact> Released; ///< Sorted by Key.
  std::map<int, GuardFact> Guards;
  /// Keys acquired on every path reaching this point (sorted).
  std::vector<std::string> Passed;
  /// Threads started here that may still run (sorted by Id).
  std::vector<RunningFact> Running;
  /// Thread objects that are joinable (sorted by Key).
  std::vector<JoinableFact> Joinable;
  /// Containers whose threads a loop joined (`for (auto &t : v) t.join()`):
  /// the loop's zero-iteration path does not bring them back (sorted).
  std::vector<std::string> JoinedAll;

  void addRunning(RunningFact R);
  void setJoinable(JoinableFact J);
  void dropJoinable(const std::string &Key);
  const JoinableFact *joinable(const std::string &Key) const;

  HeldFact *find(const std::string &Key);
  ReleaseFact *findReleased(const std::string &Key);
  void add(HeldFact F);
  void remove(const std::string &Key);
  void noteRelease(ReleaseFact R);
  void forgetRelease(const std::string &Key);
  void notePassed(const std::string &Key);
  bool passed(const std::string &Key) const;

  /// Merges \p Other into this state at a join point.
  void join(const Lockset &Other);
  bool operator==(const Lockset &O) const;
};

} // namespace lockgraph

#endif
