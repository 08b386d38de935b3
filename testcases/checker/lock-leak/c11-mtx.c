// RUN: %check --checks='-*,lock-leak' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <threads.h>

// C11 <threads.h>: mtx_lock, mtx_trylock and mtx_unlock.
mtx_t log_mtx;
char log_buf[64];
int log_len;

int log_append(const char *text, int len) {
  mtx_lock(&log_mtx);
  if (log_len + len > 64)
    // CHECK: c11-mtx.c:[[@LINE+1]]:5: warning: mutex 'log_mtx' is still held when returning from 'log_append' here, but released on other paths [lock-leak]
    return thrd_error;
  // CHECK: c11-mtx.c:[[@LINE-4]]:3: note: 'log_mtx' acquired here
  for (int i = 0; i < len; ++i)
    log_buf[log_len++] = text[i];
  int used = log_len;
  mtx_unlock(&log_mtx);
  return used;
}

// Don't flag: a successful mtx_trylock is released on its branch.
int log_try_clear(void) {
  if (mtx_trylock(&log_mtx) != thrd_success)
    return thrd_busy;
  log_len = 0;
  mtx_unlock(&log_mtx);
  return thrd_success;
}
