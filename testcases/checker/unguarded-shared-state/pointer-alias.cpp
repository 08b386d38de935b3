// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Pointers and references bound to an object name that object.
#include <thread>

struct Gauge {
  int level = 0;
};

void raise(Gauge *g) { g->level += 1; }
void lower(Gauge &g) { g.level -= 1; }

int main() {
  Gauge gauge;
  Gauge *p = &gauge;
  Gauge &r = gauge;
  std::thread t(raise, p);
  r.level = 5;                   // while raise() runs
  t.join();
  std::thread u(lower, std::ref(gauge));
  u.join();
  return p->level;               // after the joins
}
// CHECK: pointer-alias.cpp:10:24: warning: writing 'level' with no lock held in thread 'raise' races with a write in thread 'main' with no lock held [unguarded-shared-state]
// CHECK: pointer-alias.cpp:18:3: warning: writing 'level' with no lock held in thread 'main' races with a read in thread 'raise' with no lock held [unguarded-shared-state]
