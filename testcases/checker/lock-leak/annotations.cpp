// RUN: %check --checks='-*,lock-leak' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include "../Inputs/annotated-mutex.h"
#include <thread>

// Clang thread-safety annotations: capabilities with acquire/release
// members, scoped_lockable guards, annotated acquire functions.
class Ledger {
public:
  // Don't flag: an annotated acquire function returns holding the lock by
  // contract. (Without the annotation the path-insensitive analysis would
  // see 'mu_' released on one path and held on another.)
  void Begin(bool slow) ACQUIRE(mu_) {
    mu_.Lock();
    if (slow)
      mu_.Unlock();
    refresh();
    if (slow)
      mu_.Lock();
  }
  void End() RELEASE(mu_) { mu_.Unlock(); }

  // Don't flag: the scoped guard releases on every path.
  int total(int bias) {
    MutexLock guard(&mu_);
    if (bias < 0)
      return -1;
    return total_ + bias;
  }

  // Don't flag: a try-acquire member holds the lock on success only.
  int tryTotal() {
    if (!mu_.TryLock())
      return -1;
    int result = total_;
    mu_.Unlock();
    return result;
  }

  int add(int amount) {
    mu_.Lock();
    if (amount < 0)
      // CHECK: annotations.cpp:[[@LINE+1]]:7: warning: mutex 'mu_' is still held when returning from 'Ledger::add' here, but released on other paths [lock-leak]
      return -1;
    // CHECK: annotations.cpp:[[@LINE-4]]:5: note: 'mu_' acquired here
    total_ += amount;
    int result = total_;
    mu_.Unlock();
    return result;
  }

  int post(int amount) {
    Begin(stale_);
    if (amount == 0)
      // CHECK: annotations.cpp:[[@LINE+1]]:7: warning: mutex 'mu_' is still held when returning from 'Ledger::post' here, but released on other paths [lock-leak]
      return total_;
    // CHECK: annotations.cpp:[[@LINE-4]]:5: note: 'mu_' acquired here
    total_ += amount;
    int result = total_;
    End();
    return result;
  }

private:
  void refresh();
  Mutex mu_;
  bool stale_ = false;
  int total_ = 0;
};

// Don't flag: the scoped guard releases when a thread entry ends, too.
Mutex audit_mu;
int audits = 0;
void auditor(bool skip) {
  MutexLock guard(&audit_mu);
  if (skip)
    return;
  ++audits;
}
void startAudit() {
  std::thread thread(auditor, false);
  thread.join();
}
