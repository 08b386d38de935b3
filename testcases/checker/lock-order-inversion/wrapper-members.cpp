// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Two members of one wrapper type are two locks: taking one while holding
// the other is an order, not "two objects of one kind".
#include <mutex>

class Mutex {
public:
  void lock() { m_.lock(); }
  void unlock() { m_.unlock(); }

private:
  std::mutex m_;
};

// Don't flag: slots then opts, always in that order.
struct Ctx {
  Mutex slots, opts;
  void create() {
    slots.lock();
    opts.lock();
    opts.unlock();
    slots.unlock();
  }
  void configure() {
    slots.lock();
    opts.lock();
    opts.unlock();
    slots.unlock();
  }
};

// The reverse order elsewhere closes a cycle between the two members.
struct Registry {
  Mutex first, second;
  void forward() {
    first.lock();
    second.lock();
    second.unlock();
    first.unlock();
  }
  void backward() {
    second.lock();
    // The primary location is the wrapper's lock(); the call names the site.
    // CHECK: wrapper-members.cpp:9:17: warning: acquiring mutex 'Registry::first.m_' while holding 'Registry::second.m_' inverts the lock order: elsewhere 'Registry::second.m_' is acquired while holding 'Registry::first.m_' [lock-order-inversion]
    // CHECK: wrapper-members.cpp:[[@LINE+1]]:5: note: via call to 'Mutex::lock'
    first.lock();
    first.unlock();
    second.unlock();
  }
};
