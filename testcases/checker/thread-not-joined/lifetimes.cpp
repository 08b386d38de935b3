// RUN: %check --checks='-*,thread-not-joined' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <thread>
#include <utility>
#include <vector>

void work() {}

void forgotten() {
  std::thread t(work);
}

int early_return(bool fail) {
  std::thread t(work);
  if (fail)
    return -1;                 // t still joinable
  t.join();
  return 0;
}

void joined() {
  std::thread t(work);
  t.join();
}

void detached() {
  std::thread t(work);
  t.detach();
}

void checked() {
  std::thread t(work);
  if (t.joinable())
    t.join();
}

void moved_away(std::vector<std::thread> &pool) {
  std::thread t(work);
  pool.push_back(std::move(t));
}

void reassigned() {
  std::thread t(work);
  t = std::thread(work);       // the first thread is still joinable
  t.join();
}

void jthread_joins() {
  std::jthread t(work);        // joins in its destructor
}

void container() {
  std::vector<std::thread> pool;
  for (int i = 0; i < 2; ++i)
    pool.emplace_back(work);
  for (auto &t : pool)
    t.join();
}

int main() {
  std::vector<std::thread> pool;
  forgotten();
  early_return(false);
  joined();
  detached();
  checked();
  moved_away(pool);
  reassigned();
  jthread_joins();
  container();
  for (auto &t : pool)
    t.join();
}
// CHECK: lifetimes.cpp:10:15: error: thread 't' is destroyed while joinable, which calls std::terminate [thread-not-joined]
// CHECK: lifetimes.cpp:11:1: note: destroyed here without join() or detach()
// CHECK: lifetimes.cpp:14:15: error: thread 't' is destroyed while joinable, which calls std::terminate [thread-not-joined]
// CHECK: lifetimes.cpp:16:13: note: destroyed here without join() or detach()
// CHECK: lifetimes.cpp:43:15: error: thread 't' is assigned a new thread while joinable, which calls std::terminate [thread-not-joined]
// CHECK: lifetimes.cpp:44:7: note: assigned here without join() or detach()
