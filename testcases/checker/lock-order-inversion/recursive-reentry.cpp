// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: re-locking a recursive mutex the thread already holds is recorded
// as a blocking acquisition under the locks taken since, so reentered()
// gets a 'sink_mu' -> 'source_mu' edge and a false inversion with itself.
#include <mutex>

// Re-entering a recursive mutex its holder already has cannot block: it
// orders nothing after the locks taken in between.
std::recursive_mutex source_mu;
std::mutex sink_mu;

// Don't flag: 'source_mu' is always taken before 'sink_mu'.
void reentered() {
  source_mu.lock();
  sink_mu.lock();
  source_mu.lock();
  source_mu.unlock();
  sink_mu.unlock();
  source_mu.unlock();
}

// The same through a call, which is how it happens in practice.
class Document {
public:
  void save() {
    std::lock_guard<std::recursive_mutex> doc(doc_mu_);
    std::lock_guard<std::mutex> disk(disk_mu_);
    title();
  }
  void title() { std::lock_guard<std::recursive_mutex> doc(doc_mu_); }

private:
  std::recursive_mutex doc_mu_;
  std::mutex disk_mu_;
};

// Still flagged: a real inversion with a recursive mutex.
std::recursive_mutex a_mu;
std::mutex b_mu;
void bThenA() {
  std::lock_guard<std::mutex> b(b_mu);
  // CHECK: recursive-reentry.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'a_mu' while holding 'b_mu' inverts the lock order: elsewhere 'b_mu' is acquired while holding 'a_mu' [lock-order-inversion]
  std::lock_guard<std::recursive_mutex> a(a_mu);
  // CHECK-DAG: recursive-reentry.cpp:[[@LINE-3]]:3: note: 'b_mu' acquired here
}
void aThenB() {
  std::lock_guard<std::recursive_mutex> a(a_mu);
  std::lock_guard<std::mutex> b(b_mu);
  // CHECK-DAG: recursive-reentry.cpp:[[@LINE-1]]:3: note: 'b_mu' acquired here while holding 'a_mu'
  // CHECK-DAG: recursive-reentry.cpp:[[@LINE-3]]:3: note: 'a_mu' acquired here
}
