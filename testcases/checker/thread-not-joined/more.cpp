// RUN: %check --checks='-*,thread-not-joined' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <stdexcept>
#include <thread>
#include <utility>

void work() {}
bool check();

void joined_on_one_branch(bool wait) {
  std::thread t(work);
  if (wait)
    t.join();
}                                  // joinable when !wait

void detached_on_both(bool flag) {
  std::thread t(work);
  if (flag)
    t.detach();
  else
    t.detach();
}

void moved_to_another() {
  std::thread t(work);
  std::thread u(std::move(t));     // t is empty now
  u.join();
}

void in_a_loop() {
  for (int i = 0; i < 3; ++i) {
    std::thread t(work);
    t.join();
  }
}

void negated_joinable() {
  std::thread t(work);
  if (!t.joinable())
    return;
  t.join();
}

int main() {
  joined_on_one_branch(true);
  detached_on_both(false);
  moved_to_another();
  in_a_loop();
  negated_joinable();
}
// CHECK: more.cpp:11:15: warning: thread 't' may be destroyed while joinable, which calls std::terminate [thread-not-joined]
// CHECK: more.cpp:14:1: note: destroyed here; join() or detach() is skipped on some paths
