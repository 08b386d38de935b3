// RUN: %check --checks='-*,self-deadlock' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#define _GNU_SOURCE
#include <pthread.h>

// Don't flag: statically initialised recursive mutex.
static pthread_mutex_t rs = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

void static_recursive(void) {
  pthread_mutex_lock(&rs);
  pthread_mutex_lock(&rs);
  pthread_mutex_unlock(&rs);
  pthread_mutex_unlock(&rs);
}

// Don't flag: made recursive through its attributes, in another function.
static pthread_mutex_t ra;

void init_recursive(void) {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&ra, &attr);
  pthread_mutexattr_destroy(&attr);
}

void attr_recursive(void) {
  pthread_mutex_lock(&ra);
  pthread_mutex_lock(&ra);
  pthread_mutex_unlock(&ra);
  pthread_mutex_unlock(&ra);
}

// A default mutex next to them is not recursive.
static pthread_mutex_t plain = PTHREAD_MUTEX_INITIALIZER;

void plain_twice(void) {
  pthread_mutex_lock(&plain);
  // CHECK: pthread-recursive.c:[[@LINE+1]]:3: error: acquiring mutex 'plain' that is already held [self-deadlock]
  pthread_mutex_lock(&plain);
  // CHECK: pthread-recursive.c:[[@LINE-3]]:3: note: 'plain' first acquired here
}
