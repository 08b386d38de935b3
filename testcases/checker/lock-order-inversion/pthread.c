// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

pthread_mutex_t list_lock = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t node_lock = PTHREAD_MUTEX_INITIALIZER;

void remove_node(void) {
  pthread_mutex_lock(&node_lock);
  // CHECK: pthread.c:[[@LINE+1]]:3: warning: acquiring mutex 'list_lock' while holding 'node_lock' inverts the lock order: elsewhere 'node_lock' is acquired while holding 'list_lock' [lock-order-inversion]
  pthread_mutex_lock(&list_lock);
  // CHECK-DAG: pthread.c:[[@LINE-3]]:3: note: 'node_lock' acquired here
  pthread_mutex_unlock(&list_lock);
  pthread_mutex_unlock(&node_lock);
}

static void touch_node(void) {
  pthread_mutex_lock(&node_lock);
  pthread_mutex_unlock(&node_lock);
}

void walk_list(void) {
  pthread_mutex_lock(&list_lock);
  touch_node();
  // CHECK-DAG: pthread.c:[[@LINE-7]]:3: note: 'node_lock' acquired here while holding 'list_lock'
  // CHECK-DAG: pthread.c:[[@LINE-2]]:3: note: via call to 'touch_node'
  // CHECK-DAG: pthread.c:[[@LINE-4]]:3: note: 'list_lock' acquired here
  pthread_mutex_unlock(&list_lock);
}

// Don't flag: a trylock cannot wait, and a read lock taken and dropped
// before the other lock holds nothing.
pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
void stats_then_try_list(void) {
  pthread_mutex_lock(&stats_lock);
  if (pthread_mutex_trylock(&list_lock) == 0)
    pthread_mutex_unlock(&list_lock);
  pthread_mutex_unlock(&stats_lock);
}
void list_then_stats(void) {
  pthread_mutex_lock(&list_lock);
  pthread_mutex_lock(&stats_lock);
  pthread_mutex_unlock(&stats_lock);
  pthread_mutex_unlock(&list_lock);
}
void table_then_list(void) {
  pthread_rwlock_rdlock(&table_lock);
  pthread_rwlock_unlock(&table_lock);
  pthread_mutex_lock(&list_lock);
  pthread_mutex_unlock(&list_lock);
}
void list_then_table(void) {
  pthread_mutex_lock(&list_lock);
  pthread_rwlock_wrlock(&table_lock);
  pthread_rwlock_unlock(&table_lock);
  pthread_mutex_unlock(&list_lock);
}
