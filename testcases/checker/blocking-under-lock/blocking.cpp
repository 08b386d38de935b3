// RUN: %check --checks='-*,blocking-under-lock' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;
std::mutex mu, other;
std::condition_variable cv;
bool ready = false;

void sleeps_under_lock() {
  std::lock_guard<std::mutex> g(mu);
  std::this_thread::sleep_for(1ms);
}

void sleeps_after_unlock() {
  {
    std::lock_guard<std::mutex> g(mu);
  }
  std::this_thread::sleep_for(1ms);
  usleep(10);
}

void waits_on_own_mutex() {
  std::unique_lock<std::mutex> lk(mu);
  cv.wait(lk, [] { return ready; });       // releases mu while waiting
}

void waits_holding_another() {
  std::lock_guard<std::mutex> g(other);
  std::unique_lock<std::mutex> lk(mu);
  cv.wait(lk);                             // 'other' stays held
}

void helper_sleeps() { sleep(1); }
void sleeps_through_call() {
  std::lock_guard<std::mutex> g(mu);
  helper_sleeps();
}

void needs_mu() { std::lock_guard<std::mutex> g(mu); }
void joins_under_lock() {
  std::thread t(needs_mu);
  std::lock_guard<std::mutex> g(mu);
  t.join();                                // t waits for mu: deadlock
}

int compute() { return 1; }
void waits_future_under_lock() {
  auto f = std::async(std::launch::async, compute);
  std::lock_guard<std::mutex> g(other);
  f.get();
}

int main() {
  sleeps_under_lock();
  sleeps_after_unlock();
  sleeps_through_call();
  joins_under_lock();
  waits_future_under_lock();
}
// CHECK: blocking.cpp:17:3: warning: 'std::this_thread::sleep_for' may block while 'mu' is held; other threads that need it wait as well [blocking-under-lock]
// CHECK: blocking.cpp:16:3: note: 'mu' acquired here
// CHECK: blocking.cpp:36:3: warning: 'std::condition_variable::wait' may block while 'other' is held; other threads that need it wait as well [blocking-under-lock]
// CHECK: blocking.cpp:34:3: note: 'other' acquired here
// CHECK: blocking.cpp:39:24: warning: 'sleep' may block while 'mu' is held; other threads that need it wait as well [blocking-under-lock]
// CHECK: blocking.cpp:42:3: note: via call to 'helper_sleeps'
// CHECK: blocking.cpp:41:3: note: 'mu' acquired here
// CHECK: blocking.cpp:49:3: error: 'std::thread::join' waits for a thread that acquires 'mu' while 'mu' is held: deadlock [blocking-under-lock]
// CHECK: blocking.cpp:48:3: note: 'mu' acquired here
// CHECK: blocking.cpp:56:3: warning: 'std::future::get' may block while 'other' is held; other threads that need it wait as well [blocking-under-lock]
