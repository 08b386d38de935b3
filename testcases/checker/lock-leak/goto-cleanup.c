// RUN: %check --checks='-*,lock-leak' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <pthread.h>

// The C cleanup idiom: a goto to a label that unlocks is no leak; a label
// placed after the unlock is.
pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;
int cfg_value;

// Don't flag: every path goes through the unlock at 'out'.
int cfg_set(int value) {
  int ret = 0;
  pthread_mutex_lock(&cfg_lock);
  if (value < 0) {
    ret = -1;
    goto out;
  }
  cfg_value = value;
out:
  pthread_mutex_unlock(&cfg_lock);
  return ret;
}

int cfg_replace(int value) {
  int ret = 0;
  pthread_mutex_lock(&cfg_lock);
  if (value < 0) {
    ret = -1;
    goto out;
  }
  cfg_value = value;
  pthread_mutex_unlock(&cfg_lock);
out:
  // CHECK: goto-cleanup.c:[[@LINE+1]]:3: warning: mutex 'cfg_lock' is still held when returning from 'cfg_replace' here, but released on other paths [lock-leak]
  return ret;
}
// CHECK: goto-cleanup.c:[[@LINE-11]]:3: note: 'cfg_lock' acquired here

// A switch case that returns without unlocking.
int cfg_get(int which) {
  pthread_mutex_lock(&cfg_lock);
  switch (which) {
  case 0:
    // CHECK: goto-cleanup.c:[[@LINE+1]]:5: warning: mutex 'cfg_lock' is still held when returning from 'cfg_get' here, but released on other paths [lock-leak]
    return cfg_value;
  case 1:
    break;
  default:
    pthread_mutex_unlock(&cfg_lock);
    return -1;
  }
  // CHECK: goto-cleanup.c:[[@LINE-11]]:3: note: 'cfg_lock' acquired here
  int value = cfg_value + 1;
  pthread_mutex_unlock(&cfg_lock);
  return value;
}
