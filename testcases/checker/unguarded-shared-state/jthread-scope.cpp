// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// A std::jthread joins when its scope ends.
#include <thread>

int total = 0;
void add() { total += 1; }

int main() {
  {
    std::jthread t(add);
  }                              // joined here
  total += 10;                   // ordered after the thread
  std::jthread u(add);
  total += 100;                  // u is still running
  return 0;
}
// CHECK: jthread-scope.cpp:7:14: warning: writing 'total' with no lock held in thread 'add' races with a read in thread 'main' with no lock held [unguarded-shared-state]
// CHECK: jthread-scope.cpp:15:3: warning: writing 'total' with no lock held in thread 'main' races with a read in thread 'add' with no lock held [unguarded-shared-state]
