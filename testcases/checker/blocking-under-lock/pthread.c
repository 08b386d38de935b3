// RUN: %check --checks='-*,blocking-under-lock' %s -- -std=c11 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t other = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static sem_t slots;
static int ready;

static void *worker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&lock);
  ready = 1;
  pthread_mutex_unlock(&lock);
  return NULL;
}

void waits_on_own_mutex(void) {
  pthread_mutex_lock(&lock);
  while (!ready)
    pthread_cond_wait(&cond, &lock);      /* releases lock: fine */
  pthread_mutex_unlock(&lock);
}

void waits_holding_other(void) {
  pthread_mutex_lock(&other);
  pthread_mutex_lock(&lock);
  while (!ready)
    pthread_cond_wait(&cond, &lock);      /* other stays held */
  pthread_mutex_unlock(&lock);
  pthread_mutex_unlock(&other);
}

void semaphore_under_lock(void) {
  pthread_mutex_lock(&other);
  sem_wait(&slots);
  pthread_mutex_unlock(&other);
}

void nanosleep_under_lock(void) {
  struct timespec ts = {0, 1000};
  pthread_mutex_lock(&other);
  nanosleep(&ts, NULL);
  pthread_mutex_unlock(&other);
}

void sleep_after_unlock(void) {
  pthread_mutex_lock(&other);
  pthread_mutex_unlock(&other);
  usleep(10);
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, worker, NULL);
  pthread_mutex_lock(&lock);
  pthread_join(t, NULL);                  /* worker needs lock: deadlock */
  pthread_mutex_unlock(&lock);
  waits_on_own_mutex();
  waits_holding_other();
  semaphore_under_lock();
  nanosleep_under_lock();
  sleep_after_unlock();
  return 0;
}
// CHECK: pthread.c:33:5: warning: 'pthread_cond_wait' may block while 'other' is held; other threads that need it wait as well [blocking-under-lock]
// CHECK: pthread.c:30:3: note: 'other' acquired here
// CHECK: pthread.c:40:3: warning: 'sem_wait' may block while 'other' is held; other threads that need it wait as well [blocking-under-lock]
// CHECK: pthread.c:47:3: warning: 'nanosleep' may block while 'other' is held; other threads that need it wait as well [blocking-under-lock]
// CHECK: pthread.c:61:3: error: 'pthread_join' waits for a thread that acquires 'lock' while 'lock' is held: deadlock [blocking-under-lock]
// CHECK: pthread.c:60:3: note: 'lock' acquired here
