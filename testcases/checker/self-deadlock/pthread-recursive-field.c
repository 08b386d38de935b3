// RUN: %check --checks='-*,self-deadlock' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#define _XOPEN_SOURCE 700
#include <pthread.h>

// A struct member made recursive in its init function; re-acquired through
// a call.
struct node {
  pthread_mutex_t lock;
  pthread_mutex_t plain;
  int value;
};

void node_init(struct node *n) {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&n->lock, &attr);
  pthread_mutexattr_destroy(&attr);
  pthread_mutex_init(&n->plain, NULL);
}

static void node_touch(struct node *n) {
  pthread_mutex_lock(&n->lock);
  n->value++;
  pthread_mutex_unlock(&n->lock);
}

// Don't flag: 'lock' is recursive.
void node_update(struct node *n) {
  pthread_mutex_lock(&n->lock);
  node_touch(n);
  pthread_mutex_unlock(&n->lock);
}

// 'plain' is not.
void node_plain(struct node *n) {
  pthread_mutex_lock(&n->plain);
  // CHECK: pthread-recursive-field.c:[[@LINE+1]]:3: error: acquiring mutex 'plain' that is already held [self-deadlock]
  pthread_mutex_lock(&n->plain);
  // CHECK: pthread-recursive-field.c:[[@LINE-3]]:3: note: 'plain' first acquired here
}
