// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <pthread.h>

struct account {
  pthread_mutex_t lock;
  long balance;
  long fees;
};

static void *deposit(void *arg) {
  struct account *a = (struct account *)arg;
  pthread_mutex_lock(&a->lock);
  a->balance += 10;
  pthread_mutex_unlock(&a->lock);
  a->fees += 1;
  return NULL;
}

int main(void) {
  struct account acct = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t t1, t2;
  pthread_create(&t1, NULL, deposit, &acct);
  pthread_create(&t2, NULL, deposit, &acct);
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  return (int)acct.balance;
}
// The balance is updated under the lock; the fees are not.
// CHECK: pthread-arg.c:16:3: warning: writing 'fees' with no lock held in thread 'deposit' races with a read in thread 'deposit' with no lock held [unguarded-shared-state]
