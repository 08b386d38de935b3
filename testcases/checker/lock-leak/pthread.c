// RUN: %check --checks='-*,lock-leak' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stddef.h>

struct queue {
  pthread_mutex_t lock;
  int items[8];
  int count;
};

int queue_pop(struct queue *q) {
  pthread_mutex_lock(&q->lock);
  if (q->count == 0)
    // CHECK: pthread.c:[[@LINE+1]]:5: warning: mutex 'lock' is still held when returning from 'queue_pop' here, but released on other paths [lock-leak]
    return -1;
  // CHECK: pthread.c:[[@LINE-4]]:3: note: 'lock' acquired here
  int item = q->items[--q->count];
  pthread_mutex_unlock(&q->lock);
  return item;
}

// Don't flag: both paths unlock; a failed trylock holds nothing.
int queue_push(struct queue *q, int item) {
  if (pthread_mutex_trylock(&q->lock) != 0)
    return -1;
  if (q->count == 8) {
    pthread_mutex_unlock(&q->lock);
    return -1;
  }
  q->items[q->count++] = item;
  pthread_mutex_unlock(&q->lock);
  return 0;
}

// A thread started with pthread_create that ends holding the lock.
static struct queue shared_queue = {PTHREAD_MUTEX_INITIALIZER, {0}, 0};
static void *consumer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&shared_queue.lock);
  shared_queue.count = 0;
  // CHECK: pthread.c:[[@LINE+1]]:3: warning: mutex 'lock' is still held when thread 'consumer' ends [lock-leak]
  return NULL;
}
// CHECK: pthread.c:[[@LINE-5]]:3: note: 'lock' acquired here

void start_consumer(void) {
  pthread_t thread;
  pthread_create(&thread, NULL, consumer, NULL);
  pthread_join(thread, NULL);
}
