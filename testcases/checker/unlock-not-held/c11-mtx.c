// RUN: %check --checks='-*,unlock-not-held' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <threads.h>

static mtx_t plain, rec;

void init(void) {
  mtx_init(&plain, mtx_plain);
  mtx_init(&rec, mtx_plain | mtx_recursive);
}

void plain_twice(void) {
  mtx_lock(&plain);
  mtx_unlock(&plain);
  // CHECK: c11-mtx.c:[[@LINE+1]]:3: error: releasing mutex 'plain' that is not held [unlock-not-held]
  mtx_unlock(&plain);
  // CHECK: c11-mtx.c:[[@LINE-3]]:3: note: 'plain' already released here
}

// Don't flag: two holds of a recursive mutex, two releases.
void recursive_balanced(void) {
  mtx_lock(&rec);
  mtx_lock(&rec);
  mtx_unlock(&rec);
  mtx_unlock(&rec);
}

// Don't flag: a successful try-lock, released once.
void try_then_unlock(void) {
  if (mtx_trylock(&plain) == thrd_success)
    mtx_unlock(&plain);
}

// The main thread releasing what it never took.
int main(void) {
  init();
  // CHECK: c11-mtx.c:[[@LINE+1]]:3: error: releasing mutex 'plain' that the main thread does not hold [unlock-not-held]
  mtx_unlock(&plain);
  return 0;
}
