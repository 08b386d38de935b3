// RUN: %check --checks='-*,lock-order-inversion' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Bug: two different lock classes whose short names collide ('Left::mu',
// 'Right::mu') are now told apart in the message, but the notes still say
// "'mu' acquired here while holding 'mu'", which reads as a self-deadlock.
// The notes must name the locks as the message does.
#include <mutex>

struct Left {
  std::mutex mu;
};
struct Right {
  std::mutex mu;
};

void leftThenRight(Left &l, Right &r) {
  std::lock_guard<std::mutex> a(l.mu);
  std::lock_guard<std::mutex> b(r.mu);
}
void rightThenLeft(Left &l, Right &r) {
  std::lock_guard<std::mutex> b(r.mu);
  // CHECK: same-field-name.cpp:[[@LINE+1]]:3: warning: acquiring mutex 'Left::mu' while holding 'Right::mu' inverts the lock order: elsewhere 'Right::mu' is acquired while holding 'Left::mu' [lock-order-inversion]
  std::lock_guard<std::mutex> a(l.mu);
  // CHECK-DAG: same-field-name.cpp:[[@LINE-3]]:3: note: 'Right::mu' acquired here
  // CHECK-DAG: same-field-name.cpp:[[@LINE-7]]:3: note: 'Right::mu' acquired here while holding 'Left::mu'
  // CHECK-DAG: same-field-name.cpp:[[@LINE-9]]:3: note: 'Left::mu' acquired here
}
