// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <threads.h>

// C11 <threads.h> mutexes: mtx_lock orders, mtx_trylock does not.
mtx_t input_mtx, output_mtx;

int copy_out(void) {
  mtx_lock(&output_mtx);
  // CHECK: c11-mtx.c:[[@LINE+1]]:3: warning: acquiring mutex 'input_mtx' while holding 'output_mtx' inverts the lock order: elsewhere 'output_mtx' is acquired while holding 'input_mtx' [lock-order-inversion]
  mtx_lock(&input_mtx);
  // CHECK-DAG: c11-mtx.c:[[@LINE-3]]:3: note: 'output_mtx' acquired here
  mtx_unlock(&input_mtx);
  mtx_unlock(&output_mtx);
  return 0;
}

int copy_in(void) {
  mtx_lock(&input_mtx);
  mtx_lock(&output_mtx);
  // CHECK-DAG: c11-mtx.c:[[@LINE-1]]:3: note: 'output_mtx' acquired here while holding 'input_mtx'
  // CHECK-DAG: c11-mtx.c:[[@LINE-3]]:3: note: 'input_mtx' acquired here
  mtx_unlock(&output_mtx);
  mtx_unlock(&input_mtx);
  return 0;
}

// Don't flag: 'error_mtx' is only tried while 'input_mtx' is held.
mtx_t error_mtx;
void report_error(void) {
  mtx_lock(&error_mtx);
  mtx_lock(&input_mtx);
  mtx_unlock(&input_mtx);
  mtx_unlock(&error_mtx);
}
void read_with_errors(void) {
  mtx_lock(&input_mtx);
  if (mtx_trylock(&error_mtx) == thrd_success)
    mtx_unlock(&error_mtx);
  mtx_unlock(&input_mtx);
}
