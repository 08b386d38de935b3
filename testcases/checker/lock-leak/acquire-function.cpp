// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

// A function that holds the lock on every return hands it to its caller:
// it is an acquire function, and its callers are checked instead.
class Journal {
public:
  // Don't flag: lock() and begin() return holding 'mu_' on every path.
  void lock() { mu_.lock(); }
  void unlock() { mu_.unlock(); }
  bool begin(int id) {
    mu_.lock();
    if (id < 0)
      return false;
    current_ = id;
    return true;
  }

  int append(int entry) {
    lock();
    if (entry < 0)
      // CHECK: acquire-function.cpp:[[@LINE+1]]:7: warning: mutex 'mu_' is still held when returning from 'Journal::append' here, but released on other paths [lock-leak]
      return -1;
    // CHECK: acquire-function.cpp:[[@LINE-4]]:5: note: via call to 'Journal::lock'
    // CHECK: acquire-function.cpp:[[@LINE-16]]:17: note: 'mu_' acquired here
    current_ += entry;
    int result = current_;
    unlock();
    return result;
  }

private:
  std::mutex mu_;
  int current_ = 0;
};

// A caller of the wrapper: the wrapper's lock is the caller's to release.
void record(Journal &journal, int id, bool dry) {
  journal.begin(id);
  if (dry)
    // CHECK: acquire-function.cpp:[[@LINE+1]]:5: warning: mutex 'mu_' is still held when returning from 'record' here, but released on other paths [lock-leak]
    return;
  // CHECK: acquire-function.cpp:[[@LINE-4]]:3: note: via call to 'Journal::begin'
  // CHECK: acquire-function.cpp:[[@LINE-32]]:5: note: 'mu_' acquired here
  journal.unlock();
}
