// RUN: %check --checks='-*,self-deadlock' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <pthread.h>
#include <threads.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static mtx_t cm;

// pthread_mutex_trylock returns 0 on success: held in the '== 0' branch.
void trylock_eq_zero(void) {
  if (pthread_mutex_trylock(&m) == 0) {
    // CHECK: try-lock.c:[[@LINE+1]]:5: error: acquiring mutex 'm' that is already held [self-deadlock]
    pthread_mutex_lock(&m);
    // CHECK: try-lock.c:[[@LINE-3]]:7: note: 'm' first acquired here
  }
}

// ... and in the else branch of 'if (trylock)'.
void trylock_truthy(void) {
  if (pthread_mutex_trylock(&m)) {
    // Don't flag: the attempt failed, 'm' is not held here.
    pthread_mutex_lock(&m);
    pthread_mutex_unlock(&m);
  } else {
    // CHECK: try-lock.c:[[@LINE+1]]:5: error: acquiring mutex 'm' that is already held [self-deadlock]
    pthread_mutex_lock(&m);
    // CHECK: try-lock.c:[[@LINE-7]]:7: note: 'm' first acquired here
  }
}

// A negated result is success.
void trylock_not(void) {
  if (!pthread_mutex_trylock(&m)) {
    // CHECK: try-lock.c:[[@LINE+1]]:5: error: acquiring mutex 'm' that is already held [self-deadlock]
    pthread_mutex_lock(&m);
    // CHECK: try-lock.c:[[@LINE-3]]:8: note: 'm' first acquired here
  }
}

// C11: success is thrd_success.
void mtx_trylock_success(void) {
  if (mtx_trylock(&cm) == thrd_success) {
    // CHECK: try-lock.c:[[@LINE+1]]:5: error: acquiring mutex 'cm' that is already held [self-deadlock]
    mtx_lock(&cm);
    // CHECK: try-lock.c:[[@LINE-3]]:7: note: 'cm' first acquired here
  }
}

// Don't flag: the '!= 0' branch is the failure branch.
void trylock_failed(void) {
  if (pthread_mutex_trylock(&m) != 0)
    pthread_mutex_lock(&m);
  pthread_mutex_unlock(&m);
}

// Don't flag: a try-lock on a held mutex never blocks.
void lock_then_trylock(void) {
  pthread_mutex_lock(&m);
  if (pthread_mutex_trylock(&m) == 0)
    pthread_mutex_unlock(&m);
  pthread_mutex_unlock(&m);
}
