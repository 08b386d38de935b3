// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int counter;

void twice(void) {
  pthread_mutex_lock(&m);
  counter++;
  pthread_mutex_unlock(&m);
  // CHECK: pthread.c:[[@LINE+1]]:3: error: releasing mutex 'm' that is not held [unlock-not-held]
  pthread_mutex_unlock(&m);
  // CHECK: pthread.c:[[@LINE-3]]:3: note: 'm' already released here
}

static void finish(void) {
  // CHECK: pthread.c:[[@LINE+1]]:3: error: releasing mutex 'm' that this thread does not hold [unlock-not-held]
  pthread_mutex_unlock(&m);
}

// A pthread entry that releases through a call what it never took.
static void *worker(void *arg) {
  counter++;
  // CHECK: pthread.c:[[@LINE+16]]:3: note: thread running 'worker' started here
  // CHECK: pthread.c:[[@LINE+1]]:3: note: via call to 'finish'
  finish();
  return arg;
}

// Don't flag: takes the lock, and the helper releases it.
static void *good_worker(void *arg) {
  pthread_mutex_lock(&m);
  counter++;
  finish();
  return arg;
}

int start(void) {
  pthread_t t, u;
  pthread_create(&t, NULL, worker, NULL);
  pthread_create(&u, NULL, good_worker, NULL);
  pthread_join(t, NULL);
  pthread_join(u, NULL);
  return counter;
}
