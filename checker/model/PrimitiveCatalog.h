//===- PrimitiveCatalog.h - Which types and calls are locking primitives --===//
//
// The one place that knows the standard library, pthreads, C11 threads, the
// lockgraph runtime, Clang's thread-safety attributes and the user's
// configuration. The extractor asks it what a type or a call is; nothing
// else in the checker matches names of primitives.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_MODEL_PRIMITIVECATALOG_H
#define LOCKGRAPH_MODEL_PRIMITIVECATALOG_H

#include "model/Facts.h"
#include "model/UserConfig.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Type.h"

#include <string>
#include <vector>

namespace lockgraph {

enum class GuardKind : uint8_t {
  None,
  LockGuard,  ///< std::lock_guard, std::scoped_lock: lock at construction.
  UniqueLock, ///< std::unique_lock: defer/try/adopt tags, lock()/unlock().
  SharedLock, ///< std::shared_lock: like unique_lock, in shared mode.
  Scoped,     ///< A user type with Clang's scoped_lockable attribute or
              ///< listed as a guard type in the configuration.
};

/// What a call does to locks, as far as the primitive itself goes.
struct PrimitiveOp {
  enum KindTy : uint8_t { None, Lock, TryLock, Unlock, LockAll, TryLockAll };
  KindTy Kind = None;
  AccessMode Mode = AccessMode::Exclusive;
  /// The expressions denoting the locks (the object of a member call, the
  /// pointer argument of pthread_mutex_lock, every argument of std::lock).
  std::vector<const clang::Expr *> LockExprs;
  /// For TryLock: the value the call returns on success (true for
  /// try_lock(), 0 for pthread_mutex_trylock and mtx_trylock).
  long long SuccessValue = 1;
};

/// How a thread is started by a call or construction.
struct SpawnSite {
  const clang::Expr *Entry = nullptr; ///< The callable.
  /// The arguments the new thread's entry receives, in order (for a member
  /// function pointer the first is the object).
  std::vector<const clang::Expr *> EntryArgs;
  /// Where the thread's handle is stored (`&tid` of pthread_create).
  const clang::Expr *Handle = nullptr;
  /// A thread pool that runs the task: destroying or shutting it down
  /// waits for it.
  const clang::Expr *Pool = nullptr;
  /// The task runs several times at once (`pool.map(f, range)`).
  bool Many = false;
};

/// A call that waits for something another thread must do.
struct BlockingOp {
  enum KindTy : uint8_t {
    None,
    Sleep,     ///< sleep_for, sleep, usleep, nanosleep, thrd_sleep
    Join,      ///< thread join, pthread_join, future get/wait (Object)
    Detach,    ///< thread detach (Object): not a wait, ends joinability
    CondWait,  ///< untimed condition wait; Released: its mutex or guard
    Semaphore, ///< semaphore acquire, sem_wait
    Queue,     ///< blocking queue get/put, event wait
  };
  KindTy Kind = None;
  const clang::Expr *Object = nullptr;   ///< The thread or future.
  const clang::Expr *Released = nullptr; ///< The lock a condition wait frees.
  std::string Name;                      ///< For messages: "sleep_for".
};

class PrimitiveCatalog {
public:
  explicit PrimitiveCatalog(const UserConfig &Config) : Config(Config) {}

  /// True when \p T (references, pointers and arrays looked through) is a
  /// lock; \p Kind says how it behaves on re-acquisition.
  bool isLockType(clang::QualType T, LockKind &Kind) const;
  GuardKind guardKind(clang::QualType T) const;
  /// std::thread, std::jthread or lockgraph::thread.
  bool isThreadType(clang::QualType T) const;

  /// Types whose operations synchronise by themselves (locks, guards,
  /// atomics, condition variables, threads, futures, semaphores, the
  /// lockgraph runtime's primitives) or that cannot change (const): using
  /// them is never a data race.
  bool isSynchronizedType(clang::QualType T) const;

  /// Sleeps, joins, waits: see BlockingOp.
  BlockingOp classifyBlocking(const clang::CallExpr *Call) const;

  /// Classifies calls to lock members, pthread / C11 functions, std::lock,
  /// configured functions and functions carrying capability attributes
  /// whose lock argument is explicit. Attribute-only contracts are read by
  /// contractOf().
  PrimitiveOp classifyCall(const clang::CallExpr *Call) const;

  /// Thread creation: std::thread / jthread construction, pthread_create,
  /// std::async, configured spawn functions.
  bool classifySpawn(const clang::Expr *E, SpawnSite &Out) const;

  /// Qualified name with inline namespaces (std::__1, std::__cxx11) removed.
  static std::string qualifiedName(const clang::NamedDecl *D);

private:
  const UserConfig &Config;
};

} // namespace lockgraph

#endif
