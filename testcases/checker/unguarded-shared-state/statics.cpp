// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Static members and function statics are shared like globals.
#include <thread>

struct Registry {
  static int instances;
};
int Registry::instances = 0;

int next_id() {
  static int last = 0;
  return ++last;
}

void create() { ++Registry::instances; next_id(); }

int main() {
  std::thread a(create), b(create);
  a.join();
  b.join();
}
// CHECK: statics.cpp:13:10: warning: writing 'last' with no lock held in thread 'create' races with a read in thread 'create' with no lock held [unguarded-shared-state]
// CHECK: statics.cpp:16:40: note: via call to 'next_id'
// CHECK: statics.cpp:16:17: warning: writing 'instances' with no lock held in thread 'create' races with a read in thread 'create' with no lock held [unguarded-shared-state]
