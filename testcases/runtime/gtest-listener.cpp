// lockgraph/gtest.hpp: a GoogleTest program with the listener installed
// fails exactly the tests that produced runtime findings, at the finding's
// line, and goes on with the next test after a self-deadlock.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -lgtest -pthread -o %t
// RUN: not %t > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
//
// With LOCKGRAPH_ON_DEADLOCK set, the listener leaves the mode alone: abort
// stops the program at the self-deadlock.
// RUN: env LOCKGRAPH_ON_DEADLOCK=abort not --crash %t --gtest_filter=Findings.SelfDeadlock \
// RUN:   > %t.abort.out 2> %t.abort.err
// RUN: FileCheck %s --check-prefix=ABORT < %t.abort.err
// ABORT: lockgraph: stopping the process at a self-deadlock (LOCKGRAPH_ON_DEADLOCK=abort)

#include <lockgraph/gtest.hpp>
#include <lockgraph/lockgraph.hpp>

#include <gtest/gtest.h>

#include <mutex>

namespace {

// CHECK-LABEL: [ RUN      ] Clean.NestedInOneOrder
// CHECK-NEXT: [       OK ] Clean.NestedInOneOrder
TEST(Clean, NestedInOneOrder) {
  lockgraph::mutex a{"clean-a"}, b{"clean-b"};
  for (int i = 0; i < 3; ++i) {
    std::lock_guard x(a);
    std::lock_guard y(b);
  }
}

// One thread takes a then b, then b then a: the closing acquisition is the
// failure's line.
// CHECK-LABEL: [ RUN      ] Findings.LockOrderInversion
// CHECK-NEXT: {{.*}}gtest-listener.cpp:[[@LINE+12]]: Failure
// CHECK-NEXT: Failed
// CHECK-NEXT: lockgraph: warning: acquiring mutex 'a' while holding 'b' inverts the lock order: elsewhere 'b' is acquired while holding 'a' [lock-order-inversion]
// CHECK-NEXT:   {{.*}}gtest-listener.cpp:[[@LINE+8]]:{{[0-9]+}}: note: 'b' acquired here by thread 'main'
// CHECK: [  FAILED  ] Findings.LockOrderInversion
TEST(Findings, LockOrderInversion) {
  lockgraph::mutex a{"a"}, b{"b"};
  {
    std::lock_guard x(a);
    std::lock_guard y(b);
  }
  std::lock_guard y(b);
  std::lock_guard x(a);
}

// The listener switched the mode to throw: GoogleTest reports the
// exception, the listener the finding, and the program goes on.
// CHECK-LABEL: [ RUN      ] Findings.SelfDeadlock
// CHECK: C++ exception with description "lockgraph: acquiring mutex 'm' that is already held{{.*}}" thrown in the test body
// CHECK: {{.*}}gtest-listener.cpp:[[@LINE+7]]: Failure
// CHECK-NEXT: Failed
// CHECK-NEXT: lockgraph: error: acquiring mutex 'm' that is already held [self-deadlock]
// CHECK: [  FAILED  ] Findings.SelfDeadlock
TEST(Findings, SelfDeadlock) {
  lockgraph::mutex m{"m"};
  std::lock_guard first(m);
  m.lock();
}

// A finding made on another thread during the test counts too.
// CHECK-LABEL: [ RUN      ] Findings.LockLeakInThread
// CHECK: {{.*}}gtest-listener.cpp:[[@LINE+6]]: Failure
// CHECK-NEXT: Failed
// CHECK-NEXT: lockgraph: warning: mutex 'leaked' is still held when thread 'leaker' ends [lock-leak]
// CHECK: [  FAILED  ] Findings.LockLeakInThread
lockgraph::mutex leaked{"leaked"};
TEST(Findings, LockLeakInThread) {
  lockgraph::thread t("leaker", [] { leaked.lock(); });
  t.join();
}

// The same finding (check, location, message) in two tests fails both,
// although the report keeps it once.
void unlock_unheld(lockgraph::mutex& m) { m.unlock(); }

// CHECK-LABEL: [ RUN      ] Findings.UnlockNotHeldOnce
// CHECK: {{.*}}gtest-listener.cpp:[[@LINE-3]]: Failure
// CHECK-NEXT: Failed
// CHECK-NEXT: lockgraph: error: releasing mutex 'free' that is not held [unlock-not-held]
// CHECK: [  FAILED  ] Findings.UnlockNotHeldOnce
TEST(Findings, UnlockNotHeldOnce) {
  lockgraph::mutex free{"free"};
  unlock_unheld(free);
}

// CHECK-LABEL: [ RUN      ] Findings.UnlockNotHeldAgain
// CHECK: {{.*}}gtest-listener.cpp:[[@LINE-13]]: Failure
// CHECK-NEXT: Failed
// CHECK-NEXT: lockgraph: error: releasing mutex 'free' that is not held [unlock-not-held]
// CHECK: [  FAILED  ] Findings.UnlockNotHeldAgain
TEST(Findings, UnlockNotHeldAgain) {
  lockgraph::mutex free{"free"};
  unlock_unheld(free);
}

// Tests after failing ones start clean.
// CHECK-LABEL: [ RUN      ] Later.AfterFindings
// CHECK-NEXT: [       OK ] Later.AfterFindings
TEST(Later, AfterFindings) {
  lockgraph::mutex c{"c"};
  std::lock_guard guard(c);
}

// CHECK: [  PASSED  ] 2 tests.
// CHECK: [  FAILED  ] 5 tests, listed below:

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  lockgraph::testing::install_listener();
  lockgraph::testing::install_listener();  // a second call does nothing
  return RUN_ALL_TESTS();
}
