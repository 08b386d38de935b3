// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>

std::mutex mu;
int queue_length = 0;
int other_lock_value = 0;
std::mutex other;

void producer() {
  std::lock_guard<std::mutex> g(mu);
  ++queue_length;
  other_lock_value = 1;
}

void monitor() {
  int seen = queue_length;            // read without the lock
  (void)seen;
  std::lock_guard<std::mutex> g(other);
  other_lock_value = 2;               // a different lock: no protection
}

int main() {
  std::thread p(producer), m(monitor);
  p.join();
  m.join();
}
// CHECK: inconsistent.cpp:13:3: warning: writing 'queue_length' holding 'mu' in thread 'producer' races with a read in thread 'monitor' with no lock held [unguarded-shared-state]
// CHECK: inconsistent.cpp:18:14: note: conflicting read of 'queue_length' with no lock held
// CHECK: inconsistent.cpp:14:3: warning: writing 'other_lock_value' holding 'mu' in thread 'producer' races with a write in thread 'monitor' holding 'other' [unguarded-shared-state]
// CHECK: inconsistent.cpp:21:3: note: conflicting write of 'other_lock_value' holding 'other'
