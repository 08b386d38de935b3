// RUN: %check --checks='-*,unguarded-shared-state' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Accesses made in helpers count with the locks their callers hold, and a
// lock taken inside a helper protects what the helper does.
#include <mutex>
#include <thread>

class Ledger {
public:
  void credit(int v) {
    std::lock_guard<std::mutex> g(mu_);
    apply(v);                    // the caller holds mu_
  }
  void debit(int v) {
    lock();
    apply(-v);
    unlock();
  }
  void audit() { apply(0); }     // no lock

private:
  void apply(int v) { total_ += v; }
  void lock() { mu_.lock(); }
  void unlock() { mu_.unlock(); }
  std::mutex mu_;
  int total_ = 0;
};

int main() {
  Ledger l;
  std::thread a(&Ledger::credit, &l, 1);
  std::thread b(&Ledger::debit, &l, 2);
  a.join();
  b.join();
  std::thread c(&Ledger::credit, &l, 3);
  std::thread d(&Ledger::audit, &l);
  c.join();
  d.join();
}
// Only audit() races: credit/debit hold mu_ through helpers.
// CHECK: helpers.cpp:22:23: warning: writing 'total_' with no lock held in thread 'Ledger::audit' races with a read in thread 'Ledger::credit' holding 'mu_' [unguarded-shared-state]
// CHECK: helpers.cpp:19:18: note: via call to 'Ledger::apply'
// CHECK: helpers.cpp:12:5: note: via call to 'Ledger::apply'
