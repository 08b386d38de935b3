//===- Facts.h - What one function does with locks, independent of Clang --===//
//
// The extractor lowers each function's CFG to these facts: blocks of lock
// events (acquire, release, guard operations, calls, thread spawns) with the
// CFG's edges and the try-lock conditions that select them. Everything after
// extraction (the lockset dataflow, summaries, the lock-order graph, the
// checks) works on facts only, so a translation unit's facts can be written
// to JSON, merged with other translation units and analysed as one program.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_MODEL_FACTS_H
#define LOCKGRAPH_MODEL_FACTS_H

#include "model/LockRef.h"
#include "model/SourcePos.h"

#include <string>
#include <utility>
#include <vector>

namespace lockgraph {

enum class AccessMode : uint8_t { Exclusive, Shared };

struct Event {
  enum KindTy : uint8_t {
    Acquire,      ///< Blocking acquisition of Locks (Guard >= 0: by a guard).
    TryAcquire,   ///< Non-blocking; held only where a branch on TryId says so.
    Release,      ///< Unlock of Locks.
    GuardBind,    ///< Guard takes Locks without locking (defer_lock: Owns
                  ///< false; adopt_lock: Owns true).
    GuardLock,    ///< guard.lock()
    GuardTryLock, ///< guard.try_lock(), result TryId
    GuardUnlock,  ///< guard.unlock()
    GuardDrop,    ///< guard.release(): locks stay held, no longer managed.
    GuardDestroy, ///< End of the guard's lifetime: unlocks what it owns.
    GuardMove,    ///< Ownership moves from Guard to Guard2.
    GuardAdopt,   ///< Guard takes the locks the call at Site returned
                  ///< holding (`auto g = make_guard();`).
    Call,         ///< A call to a function that may have facts of its own.
    Spawn,        ///< A new thread starts running Callee; Locks[0], when
                  ///< present, is the object that owns it (std::thread,
                  ///< pthread_t, future; "v.[]" for an element of v).
                  ///< Owns: destroying that object while joinable
                  ///< terminates (a std::thread).
    Access,       ///< A read or write (Write) of the location Locks[0];
                  ///< Locks[1..] are the locks its annotations require.
    ThreadJoin,   ///< Waits for the thread owned by Locks[0] (join, future
                  ///< get/wait, jthread destruction).
    ThreadDetach, ///< The thread owned by Locks[0] is no longer joinable
                  ///< here (detach, moved away).
    ThreadDestroy,///< The std::thread Locks[0] ends its lifetime.
    Blocking,     ///< A call that may block indefinitely (CalleeName);
                  ///< Locks are released while it waits (a condition
                  ///< wait's mutex).
  };
  KindTy Kind = Acquire;
  std::vector<LockRef> Locks;
  AccessMode Mode = AccessMode::Exclusive;
  /// The locks are acquired as one operation (std::lock, std::scoped_lock
  /// with several mutexes): no order among them.
  bool Together = false;
  bool Owns = false;
  int Guard = -1;
  int Guard2 = -1;
  int TryId = -1;
  SourcePos Site;
  /// Call / Spawn: the callee's USR and readable name.
  std::string Callee;
  std::string CalleeName;
  /// Call / Spawn: how the callee's roots map into this frame: -1 is the
  /// callee's `this`, i >= 0 its parameter i.
  std::vector<std::pair<int, LockRef>> Args;
  /// Access: a write (else a read).
  bool Write = false;
  /// Spawn: the thread is detached where it starts.
  bool Detached = false;
};

struct Block {
  std::vector<Event> Events;
  /// Successor block ids; -1 for an edge the CFG proved unreachable.
  std::vector<int> Succs;
  /// The terminator branches on the result of try-lock CondTry; Succs[0] is
  /// the success edge when SuccessOnFirst, else Succs[1] is.
  int CondTry = -1;
  bool SuccessOnFirst = true;
  /// The terminator branches on `T.joinable()` for the thread object with
  /// this key; the thread is not joinable on Succs[1] when JoinableOnFirst,
  /// else on Succs[0].
  std::string CondThread;
  bool JoinableOnFirst = true;
  /// Where the function returns when this block leads to the exit.
  SourcePos ReturnSite;
  /// Ends in a throw or a call that does not return: not a return path.
  bool NoReturn = false;
  /// Ends in a throw that leaves the function: guards unlock, manual locks
  /// stay held.
  bool Throws = false;
  /// The returned value when it is a constant (`return -1;`,
  /// `return NULL;`, `return true;`): functions that keep a lock on the
  /// returns of one value and release it on the others are try-acquire
  /// functions, not leaks.
  bool HasReturnValue = false;
  long long ReturnValue = 0;
};

/// Locks a function's declaration says it acquires or releases (Clang
/// thread-safety attributes or the configuration file).
struct LockContract {
  std::vector<LockRef> Acquires;
  std::vector<LockRef> AcquiresShared;
  std::vector<LockRef> Releases;
  /// Held by every caller (REQUIRES / REQUIRES_SHARED).
  std::vector<LockRef> Requires;
  bool empty() const {
    return Acquires.empty() && AcquiresShared.empty() && Releases.empty() &&
           Requires.empty();
  }
};

struct FunctionFacts {
  std::string Usr;
  std::string Name;      ///< Qualified, readable: "Account::update".
  std::string ClassName; ///< Qualified class of a method, else empty.
  SourcePos Loc;
  SourcePos EndLoc; ///< The closing brace.
  unsigned NumParams = 0;
  bool IsMain = false;
  bool IsLambda = false;
  /// A public non-static member function (an entry of a class used by
  /// threads the checker cannot see), not a constructor or destructor.
  bool IsPublicMethod = false;
  /// A constructor or destructor: the object is not shared yet / any more.
  bool IsCtorOrDtor = false;
  /// How the function's own local variables are named in LockRef::Base
  /// ("owner::name@offset"): locations of this frame, invisible to callers.
  std::string LocalOwner;
  /// Returns a pointer: "the object, locked, or NULL" is a known protocol.
  bool ReturnsPointer = false;
  /// Pairs of objects (LockRef keys, sorted) the function orders by
  /// comparing their addresses or a field (`&a < &b`, `a.id < b.id`):
  /// taking one lock of each here is not an inversion.
  std::vector<std::pair<std::string, std::string>> OrderedPairs;
  LockContract Contract;
  /// A constructor's reference or pointer members bound to a parameter or
  /// member (`Guard(Mutex &m) : m_(m)`): field -> what it refers to. Lets
  /// an unannotated RAII guard's lock be the mutex it was given.
  std::vector<std::pair<std::string, LockRef>> FieldAliases;
  int Entry = 0;
  int Exit = 0;
  std::vector<Block> Blocks;
};

struct TranslationUnitFacts {
  std::string MainFile;
  std::vector<FunctionFacts> Functions;
  /// Lock declarations (LockRef::declName()) initialised as recursive somewhere
  /// in this TU (PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP, a recursive
  /// mutexattr, mtx_recursive).
  std::vector<std::string> RecursiveLocks;
};

} // namespace lockgraph

#endif
