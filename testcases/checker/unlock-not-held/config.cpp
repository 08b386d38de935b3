// RUN: %check --checks='-*,unlock-not-held' --config=%S/Inputs/config/.lockgraph.json \
// RUN:   %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Without the configuration nothing here is a lock:
// RUN: %check --checks='-*,unlock-not-held' --config=%S/Inputs/empty.json \
// RUN:   --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=NOCONFIG
// NOCONFIG: "findings": []

// A code base's own lock type, lock functions, guard and thread spawner,
// declared only: the configuration says what they do.
namespace ns {
struct Lock {
  int handle;
};
struct RLock {
  int handle;
};
void acquire(Lock *l);
void acquire(RLock *l);
void release(Lock *l);
void release(RLock *l);
int try_acquire(Lock *l); // 0 on success
class Guard {
public:
  explicit Guard(Lock &l);
  ~Guard();
};
} // namespace ns
void release_second(int flags, ns::Lock *l);
void spawn(void (*entry)(ns::Lock *), ns::Lock *data);

ns::Lock table;
ns::RLock tree;

void releaseTwice() {
  ns::acquire(&table);
  ns::release(&table);
  // CHECK: config.cpp:[[@LINE+1]]:3: error: releasing mutex 'table' that is not held [unlock-not-held]
  release_second(0, &table);
  // CHECK: config.cpp:[[@LINE-3]]:3: note: 'table' already released here
}

void tryThenReleaseTwice() {
  if (ns::try_acquire(&table) == 0) {
    ns::release(&table);
    // CHECK: config.cpp:[[@LINE+1]]:5: error: releasing mutex 'table' that is not held [unlock-not-held]
    ns::release(&table);
    // CHECK: config.cpp:[[@LINE-3]]:5: note: 'table' already released here
  }
}

// A thread started by the configured spawner releases what it never took.
void worker(ns::Lock *) {
  // CHECK: config.cpp:[[@LINE+1]]:3: error: releasing mutex 'table' that this thread does not hold [unlock-not-held]
  ns::release(&table);
  // CHECK: config.cpp:[[@LINE+12]]:3: note: thread running 'worker' started here
}

// Don't flag: balanced, guarded, recursive.
void balanced() {
  ns::acquire(&table);
  ns::release(&table);
  { ns::Guard g(table); }
  ns::acquire(&tree);
  ns::acquire(&tree);
  ns::release(&tree);
  ns::release(&tree);
  spawn(worker, &table);
}
