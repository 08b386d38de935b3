// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// A detached thread is never joined: it runs alongside everything after it.
#include <chrono>
#include <thread>

bool stop_requested = false;
long heartbeats = 0;

void heartbeat() {
  while (!stop_requested) {
    ++heartbeats;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

int main() {
  heartbeats = 0;                 // before the start: ordered
  std::thread(heartbeat).detach();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  stop_requested = true;
  return 0;
}
// CHECK: detached-global.cpp:21:3: warning: writing 'stop_requested' with no lock held in thread 'main' races with a read in thread 'heartbeat' with no lock held [unguarded-shared-state]
