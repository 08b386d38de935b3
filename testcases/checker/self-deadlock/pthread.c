// RUN: %check --checks='-*,self-deadlock' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

void twice(void) {
  pthread_mutex_lock(&m);
  // CHECK: pthread.c:[[@LINE+1]]:3: error: acquiring mutex 'm' that is already held [self-deadlock]
  pthread_mutex_lock(&m);
  // CHECK: pthread.c:[[@LINE-3]]:3: note: 'm' first acquired here
  pthread_mutex_unlock(&m);
}

// Don't flag: released in between.
void sequential(void) {
  pthread_mutex_lock(&m);
  pthread_mutex_unlock(&m);
  pthread_mutex_lock(&m);
  pthread_mutex_unlock(&m);
}

// A mutex in a struct, initialised at run time with default attributes.
struct account {
  pthread_mutex_t lock;
  int balance;
};

void account_init(struct account *a) { pthread_mutex_init(&a->lock, NULL); }

static void account_log(struct account *a) {
  // CHECK: pthread.c:[[@LINE+1]]:3: error: acquiring mutex 'lock' that is already held [self-deadlock]
  pthread_mutex_lock(&a->lock);
  pthread_mutex_unlock(&a->lock);
}

void account_deposit(struct account *a, int amount) {
  // CHECK: pthread.c:[[@LINE+1]]:3: note: 'lock' first acquired here
  pthread_mutex_lock(&a->lock);
  a->balance += amount;
  // CHECK: pthread.c:[[@LINE+1]]:3: note: via call to 'account_log'
  account_log(a);
  pthread_mutex_unlock(&a->lock);
}
