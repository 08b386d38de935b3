// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: the 'if (trylock)' branch is where pthread_mutex_trylock failed; a
// release there is of a lock the thread does not hold on any path. Because
// the same function also takes the lock (and releases it on the success
// path), nothing is reported. See may-not-hold.cpp.
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg) {
  if (pthread_mutex_trylock(&m)) {
    // CHECK: try-lock-failed.c:[[@LINE+1]]:5: error: releasing mutex 'm' that this thread does not hold [unlock-not-held]
    pthread_mutex_unlock(&m);
    // CHECK: try-lock-failed.c:[[@LINE+9]]:3: note: thread running 'worker' started here
    return arg;
  }
  pthread_mutex_unlock(&m);
  return arg;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, worker, NULL);
  pthread_join(t, NULL);
  return 0;
}
