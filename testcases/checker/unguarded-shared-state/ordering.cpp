// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Threads that never overlap: each is joined before the next starts.
#include <thread>
#include <vector>

int phase = 0;
std::vector<int> results;

void step() { ++phase; results.push_back(phase); }

int main() {
  std::thread first(step);
  first.join();
  std::thread second(step);
  second.join();
  results.push_back(phase);        // after both joins

  std::vector<std::thread> batch;
  for (int i = 0; i < 3; ++i)
    batch.emplace_back(step);      // these overlap
  for (auto &t : batch)
    t.join();
  return int(results.size());      // after the join loop: ordered
}
// CHECK: ordering.cpp:10:15: warning: writing 'phase' with no lock held in thread 'step' races with a read in thread 'step' with no lock held [unguarded-shared-state]
// CHECK: ordering.cpp:10:24: warning: writing 'results' with no lock held in thread 'step' races with a write in thread 'step' with no lock held [unguarded-shared-state]
