// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: read holds of a pthread rwlock are not counted: after two
// pthread_rwlock_rdlock() the second pthread_rwlock_unlock() is reported as
// releasing a lock not held. (Same cause as shared-count.cpp.)
#define _XOPEN_SOURCE 700
#include <pthread.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;

// Don't flag: two read holds, two releases.
void two_readers(void) {
  pthread_rwlock_rdlock(&rw);
  pthread_rwlock_rdlock(&rw);
  pthread_rwlock_unlock(&rw);
  pthread_rwlock_unlock(&rw);
}

// A writer released twice: this one must stay.
void writer_twice(void) {
  pthread_rwlock_wrlock(&rw);
  pthread_rwlock_unlock(&rw);
  // CHECK: rwlock-count.c:[[@LINE+1]]:3: error: releasing mutex 'rw' that is not held [unlock-not-held]
  pthread_rwlock_unlock(&rw);
  // CHECK: rwlock-count.c:[[@LINE-3]]:3: note: 'rw' already released here
}
