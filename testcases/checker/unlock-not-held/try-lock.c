// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

// pthread_mutex_trylock returns 0 on success: held in the '== 0' branch.
void twice_on_success(void) {
  if (pthread_mutex_trylock(&m) == 0) {
    pthread_mutex_unlock(&m);
    // CHECK: try-lock.c:[[@LINE+1]]:5: error: releasing mutex 'm' that is not held [unlock-not-held]
    pthread_mutex_unlock(&m);
    // CHECK: try-lock.c:[[@LINE-3]]:5: note: 'm' already released here
  }
}

// ... and in the else branch of 'if (trylock)'.
void twice_in_else(void) {
  if (pthread_mutex_trylock(&m)) {
    return;
  } else {
    pthread_mutex_unlock(&m);
    // CHECK: try-lock.c:[[@LINE+1]]:5: error: releasing mutex 'm' that is not held [unlock-not-held]
    pthread_mutex_unlock(&m);
    // CHECK: try-lock.c:[[@LINE-3]]:5: note: 'm' already released here
  }
}

// Don't flag: released once where the attempt succeeded, in every form.
static void *worker(void *arg) {
  if (pthread_mutex_trylock(&m) == 0)
    pthread_mutex_unlock(&m);
  if (!pthread_mutex_trylock(&m))
    pthread_mutex_unlock(&m);
  if (pthread_mutex_trylock(&m))
    return arg;
  pthread_mutex_unlock(&m);
  if (pthread_mutex_trylock(&m) != 0)
    return arg;
  pthread_mutex_unlock(&m);
  return arg;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, worker, NULL);
  pthread_join(t, NULL);
  if (pthread_mutex_trylock(&m) == 0)
    pthread_mutex_unlock(&m);
  return 0;
}
