// RUN: %check --checks='-*,lock-leak' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: thrd_create is not known to start a thread (only pthread_create,
// std::thread and std::async are), so 'worker' is taken for an acquire
// function and its leak goes unreported.
#include <threads.h>

// A C11 thread entry that ends holding its lock.
mtx_t count_mtx;
int count;

static int worker(void *arg) {
  (void)arg;
  mtx_lock(&count_mtx);
  ++count;
  // CHECK: c11-thread.c:[[@LINE+1]]:3: warning: mutex 'count_mtx' is still held when thread 'worker' ends [lock-leak]
  return 0;
}
// CHECK: c11-thread.c:[[@LINE-5]]:3: note: 'count_mtx' acquired here

// Don't flag: this entry unlocks before it ends.
static int reader(void *arg) {
  (void)arg;
  mtx_lock(&count_mtx);
  int seen = count;
  mtx_unlock(&count_mtx);
  return seen;
}

void start(void) {
  thrd_t a, b;
  thrd_create(&a, worker, 0);
  thrd_create(&b, reader, 0);
  thrd_join(a, 0);
  thrd_join(b, 0);
}
