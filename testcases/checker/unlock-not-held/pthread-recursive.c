// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#define _GNU_SOURCE
#include <pthread.h>

static pthread_mutex_t rs = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static pthread_mutex_t ra;

void init_recursive(void) {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&ra, &attr);
  pthread_mutexattr_destroy(&attr);
}

// Don't flag: two holds, two releases, for either kind of recursive mutex.
void balanced(void) {
  pthread_mutex_lock(&rs);
  pthread_mutex_lock(&rs);
  pthread_mutex_unlock(&rs);
  pthread_mutex_unlock(&rs);
  pthread_mutex_lock(&ra);
  pthread_mutex_lock(&ra);
  pthread_mutex_unlock(&ra);
  pthread_mutex_unlock(&ra);
}

// One release more than holds.
void one_too_many(void) {
  pthread_mutex_lock(&ra);
  pthread_mutex_lock(&ra);
  pthread_mutex_unlock(&ra);
  pthread_mutex_unlock(&ra);
  // CHECK: pthread-recursive.c:[[@LINE+1]]:3: error: releasing mutex 'ra' that is not held [unlock-not-held]
  pthread_mutex_unlock(&ra);
  // CHECK: pthread-recursive.c:[[@LINE-3]]:3: note: 'ra' already released here
}
