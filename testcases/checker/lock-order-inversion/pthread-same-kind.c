// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: the two locks are spelled with the address-of of the call argument:
// "acquiring '&to->lock' while holding '&from->lock'". The message names
// locks, not pointers to them: 'to->lock' and 'from->lock'.
#include <pthread.h>

// Two instances of one struct's lock, taken in argument order.
struct account {
  pthread_mutex_t lock;
  long balance;
};

void transfer(struct account *from, struct account *to, long amount) {
  pthread_mutex_lock(&from->lock);
  // CHECK: pthread-same-kind.c:[[@LINE+1]]:3: warning: acquiring 'to->lock' while holding 'from->lock', another lock of the same kind: a call with the two objects swapped can deadlock [lock-order-inversion]
  pthread_mutex_lock(&to->lock);
  // CHECK-DAG: pthread-same-kind.c:[[@LINE-3]]:3: note: 'lock' acquired here
  from->balance -= amount;
  to->balance += amount;
  pthread_mutex_unlock(&to->lock);
  pthread_mutex_unlock(&from->lock);
}

