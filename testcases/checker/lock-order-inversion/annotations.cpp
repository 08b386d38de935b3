// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include "../Inputs/annotated-mutex.h"

// Capabilities and their acquire/release members order like std::mutex.
Mutex admins_mu, groups_mu;

void adminsThenGroups() {
  MutexLock admins(&admins_mu);
  groups_mu.Lock();
  groups_mu.Unlock();
}
void groupsThenAdmins() {
  MutexLock groups(&groups_mu);
  // CHECK: annotations.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'admins_mu' while holding 'groups_mu' inverts the lock order: elsewhere 'groups_mu' is acquired while holding 'admins_mu' [lock-order-inversion]
  admins_mu.Lock();
  // CHECK-DAG: annotations.cpp:[[@LINE-3]]:3: note: 'groups_mu' acquired here
  // CHECK-DAG: annotations.cpp:[[@LINE-8]]:3: note: 'groups_mu' acquired here while holding 'admins_mu'
  // CHECK-DAG: annotations.cpp:[[@LINE-10]]:3: note: 'admins_mu' acquired here
  admins_mu.Unlock();
}

// An annotated acquire function without a body takes what it names.
class Directory {
public:
  void LockSlots() ACQUIRE(slots_mu_);
  void UnlockSlots() RELEASE(slots_mu_);
  void rename() {
    MutexLock names(&names_mu_);
    LockSlots();
    UnlockSlots();
  }
  void scan() {
    slots_mu_.Lock();
    // CHECK: annotations.cpp:[[@LINE+1]]:5: warning: acquiring mutex 'names_mu_' while holding 'slots_mu_' inverts the lock order: elsewhere 'slots_mu_' is acquired while holding 'names_mu_' [lock-order-inversion]
    MutexLock names(&names_mu_);
    // CHECK-DAG: annotations.cpp:[[@LINE-3]]:5: note: 'slots_mu_' acquired here
    // CHECK-DAG: annotations.cpp:[[@LINE-8]]:5: note: 'slots_mu_' acquired here while holding 'names_mu_'
    // CHECK-DAG: annotations.cpp:[[@LINE-10]]:5: note: 'names_mu_' acquired here
    slots_mu_.Unlock();
  }

private:
  Mutex slots_mu_, names_mu_;
};

// Don't flag: TryLock is a try-acquire, and the guard's scope ends before
// 'admins_mu' is taken.
Mutex cache_mu;
void adminsThenTryCache() {
  admins_mu.Lock();
  if (cache_mu.TryLock())
    cache_mu.Unlock();
  admins_mu.Unlock();
}
void cacheScopeThenAdmins() {
  {
    MutexLock cache(&cache_mu);
  }
  admins_mu.Lock();
  admins_mu.Unlock();
}
void cacheThenAdmins() {
  MutexLock cache(&cache_mu);
  admins_mu.Lock();
  admins_mu.Unlock();
}
