//===- UserConfig.h - A code base's own locks, guards and thread spawners -===//
//
// Loaded from `.lockgraph.json` (found upward from each source file, or given
// with --config). Names are fully qualified ("base::Mutex", "spawn_worker").
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_MODEL_USERCONFIG_H
#define LOCKGRAPH_MODEL_USERCONFIG_H

#include "model/Facts.h"

#include <string>
#include <vector>

namespace lockgraph {

struct UserConfig {
  struct LockType {
    std::string Name;
    LockKind Kind = LockKind::Mutex;
  };
  struct LockFunction {
    std::string Name;
    unsigned LockArg = 0; ///< Which argument is the lock.
    AccessMode Mode = AccessMode::Exclusive;
    /// Try-lock functions: the return value meaning success (0 for
    /// pthread-style, 1 for bool-style).
    long long SuccessValue = 1;
  };
  struct SpawnFunction {
    std::string Name;
    unsigned EntryArg = 0; ///< Which argument is the thread's entry function.
    int DataArg = -1;      ///< Argument passed on to the entry, -1 for none.
  };

  std::vector<LockType> LockTypes;
  std::vector<LockFunction> LockFunctions;
  std::vector<LockFunction> UnlockFunctions;
  std::vector<LockFunction> TryLockFunctions;
  /// RAII types whose constructor locks its first argument and whose
  /// destructor unlocks it.
  std::vector<std::string> GuardTypes;
  std::vector<SpawnFunction> SpawnFunctions;
  /// Where the configuration came from, for messages; empty for defaults.
  std::string Path;
};

} // namespace lockgraph

#endif
