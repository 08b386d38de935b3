// RUN: %check --checks='-*,self-deadlock' --config=%S/Inputs/config/.lockgraph.json \
// RUN:   %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Without the configuration nothing here is a lock:
// RUN: %check --checks='-*,self-deadlock' --config=%S/Inputs/empty.json \
// RUN:   --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=NOCONFIG
// NOCONFIG: "findings": []

// A code base's own lock type, lock functions and guard, declared only:
// the configuration says what they do.
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
void acquire_second(int flags, ns::Lock *l);

ns::Lock table;
ns::RLock tree;

void acquireTwice() {
  ns::acquire(&table);
  // CHECK: config.cpp:[[@LINE+1]]:3: error: acquiring mutex 'table' that is already held [self-deadlock]
  ns::acquire(&table);
  // CHECK: config.cpp:[[@LINE-3]]:3: note: 'table' first acquired here
}

// lock_arg picks the argument that is the lock.
void secondArgument() {
  ns::acquire(&table);
  // CHECK: config.cpp:[[@LINE+1]]:3: error: acquiring mutex 'table' that is already held [self-deadlock]
  acquire_second(0, &table);
  // CHECK: config.cpp:[[@LINE-3]]:3: note: 'table' first acquired here
}

void guardThenAcquire() {
  ns::Guard g(table);
  // CHECK: config.cpp:[[@LINE+1]]:3: error: acquiring mutex 'table' that is already held [self-deadlock]
  ns::acquire(&table);
  // CHECK: config.cpp:[[@LINE-3]]:3: note: 'table' first acquired here
}

// A try function succeeding with 0.
void tryThenAcquire() {
  if (ns::try_acquire(&table) == 0) {
    // CHECK: config.cpp:[[@LINE+1]]:5: error: acquiring mutex 'table' that is already held [self-deadlock]
    ns::acquire(&table);
    // CHECK: config.cpp:[[@LINE-3]]:7: note: 'table' first acquired here
  }
}

// Don't flag: the try failed.
void tryFailed() {
  if (ns::try_acquire(&table))
    ns::acquire(&table);
  ns::release(&table);
}

// Don't flag: released in between; the guard released at its scope's end.
void sequential() {
  ns::acquire(&table);
  ns::release(&table);
  {
    ns::Guard g(table);
  }
  ns::acquire(&table);
  ns::release(&table);
}

// Don't flag: configured as recursive.
void recursive() {
  ns::acquire(&tree);
  ns::acquire(&tree);
  ns::release(&tree);
  ns::release(&tree);
}
