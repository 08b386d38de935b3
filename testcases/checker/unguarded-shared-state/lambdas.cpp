// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <mutex>
#include <thread>
#include <vector>

int by_reference() {
  int total = 0;
  std::thread a([&] { total += 1; });
  std::thread b([&] { total += 2; });
  a.join();
  b.join();
  return total;
}

int by_copy() {
  int seed = 7;
  std::thread a([seed]() mutable { seed += 1; });
  std::thread b([=] { int x = seed; (void)x; });
  a.join();
  b.join();
  return seed;
}

int own_slots() {
  // Each thread writes its own local; nothing is shared.
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back([i] { int mine = i; mine *= 2; (void)mine; });
  for (auto &t : pool)
    t.join();
  return 0;
}

int locked_reference() {
  std::mutex mu;
  int total = 0;
  std::thread a([&] { std::lock_guard g(mu); total += 1; });
  std::thread b([&] { std::lock_guard g(mu); total += 2; });
  a.join();
  b.join();
  return total;
}

int main() { return by_reference() + by_copy() + own_slots() + locked_reference(); }
// CHECK: lambdas.cpp:9:23: warning: writing 'total' with no lock held in thread 'lambda at lambdas.cpp:9' races with a read in thread 'lambda at lambdas.cpp:10' with no lock held [unguarded-shared-state]
// CHECK: lambdas.cpp:10:23: note: conflicting read of 'total' with no lock held
// CHECK: lambdas.cpp:9:15: note: thread 'lambda at lambdas.cpp:9' starts here
// CHECK: lambdas.cpp:10:15: note: thread 'lambda at lambdas.cpp:10' starts here
// CHECK: lambdas.cpp:10:23: warning: writing 'total' with no lock held in thread 'lambda at lambdas.cpp:10' races with a read in thread 'lambda at lambdas.cpp:9' with no lock held [unguarded-shared-state]
