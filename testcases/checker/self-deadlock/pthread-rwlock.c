// RUN: %check --checks='-*,self-deadlock' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#define _XOPEN_SOURCE 700
#include <pthread.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;

// A writer cannot take the lock while this thread reads it (an upgrade)...
void upgrade(void) {
  pthread_rwlock_rdlock(&rw);
  // CHECK: pthread-rwlock.c:[[@LINE+1]]:3: error: acquiring mutex 'rw' that is already held [self-deadlock]
  pthread_rwlock_wrlock(&rw);
  // CHECK: pthread-rwlock.c:[[@LINE-3]]:3: note: 'rw' first acquired here
}

// ... nor a reader while this thread writes.
void downgrade(void) {
  pthread_rwlock_wrlock(&rw);
  // CHECK: pthread-rwlock.c:[[@LINE+1]]:3: error: acquiring mutex 'rw' that is already held [self-deadlock]
  pthread_rwlock_rdlock(&rw);
  // CHECK: pthread-rwlock.c:[[@LINE-3]]:3: note: 'rw' first acquired here
}

// Don't flag: two readers.
void two_readers(void) {
  pthread_rwlock_rdlock(&rw);
  pthread_rwlock_rdlock(&rw);
}

// Don't flag: released before writing; a try never blocks.
void read_then_write(void) {
  pthread_rwlock_rdlock(&rw);
  pthread_rwlock_unlock(&rw);
  pthread_rwlock_wrlock(&rw);
  if (pthread_rwlock_tryrdlock(&rw) == 0)
    pthread_rwlock_unlock(&rw);
  pthread_rwlock_unlock(&rw);
}
