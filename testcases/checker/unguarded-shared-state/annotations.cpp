// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// GUARDED_BY names the lock a field needs: an access without it is
// reported even with no second thread in sight.
#include <mutex>

#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))

class __attribute__((capability("mutex"))) Mutex {
public:
  void Lock() __attribute__((acquire_capability())) { mu_.lock(); }
  void Unlock() __attribute__((release_capability())) { mu_.unlock(); }

private:
  std::mutex mu_;
};

class Account {
public:
  void deposit(int v) {
    mu_.Lock();
    balance_ += v;
    mu_.Unlock();
  }
  int peek() const { return balance_; }          // no lock
  void apply(int v) REQUIRES(mu_) { balance_ += v; }
  void locked_apply(int v) {
    mu_.Lock();
    apply(v);
    mu_.Unlock();
  }

private:
  mutable Mutex mu_;
  int balance_ GUARDED_BY(mu_) = 0;
};
// The class locks, so its public methods also pair up (library rule).
// CHECK: annotations.cpp:23:5: warning: writing 'balance_' holding 'mu_' in 'Account::deposit' races with a read in 'Account::peek' with no lock held when they are called from different threads [unguarded-shared-state]
// CHECK: annotations.cpp:26:29: warning: reading 'balance_' requires holding 'mu_', which is not held here [unguarded-shared-state]
// CHECK: annotations.cpp:27:37: warning: writing 'balance_' holding 'mu_' in 'Account::apply' races with a read in 'Account::peek' with no lock held when they are called from different threads [unguarded-shared-state]
