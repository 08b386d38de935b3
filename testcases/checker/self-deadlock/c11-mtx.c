// RUN: %check --checks='-*,self-deadlock' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <threads.h>

static mtx_t plain, timed, rec, timed_rec;

void init(void) {
  mtx_init(&plain, mtx_plain);
  mtx_init(&timed, mtx_timed);
  mtx_init(&rec, mtx_plain | mtx_recursive);
  mtx_init(&timed_rec, mtx_timed | mtx_recursive);
}

void plain_twice(void) {
  mtx_lock(&plain);
  // CHECK: c11-mtx.c:[[@LINE+1]]:3: error: acquiring mutex 'plain' that is already held [self-deadlock]
  mtx_lock(&plain);
  // CHECK: c11-mtx.c:[[@LINE-3]]:3: note: 'plain' first acquired here
}

// mtx_timed is not recursive either; a successful mtx_timedlock holds it.
void timed_twice(const struct timespec *deadline) {
  if (mtx_timedlock(&timed, deadline) == thrd_success) {
    // CHECK: c11-mtx.c:[[@LINE+1]]:5: error: acquiring mutex 'timed' that is already held [self-deadlock]
    mtx_lock(&timed);
    // CHECK: c11-mtx.c:[[@LINE-3]]:7: note: 'timed' first acquired here
  }
}

// Don't flag: mtx_recursive.
void recursive_twice(void) {
  mtx_lock(&rec);
  mtx_lock(&rec);
  mtx_unlock(&rec);
  mtx_unlock(&rec);
}

// Don't flag: mtx_timed | mtx_recursive.
void timed_recursive_twice(void) {
  mtx_lock(&timed_rec);
  mtx_lock(&timed_rec);
  mtx_unlock(&timed_rec);
  mtx_unlock(&timed_rec);
}

// Don't flag: released in between.
void plain_sequential(void) {
  mtx_lock(&plain);
  mtx_unlock(&plain);
  mtx_lock(&plain);
  mtx_unlock(&plain);
}
