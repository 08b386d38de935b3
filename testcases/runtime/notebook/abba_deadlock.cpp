// An ABBA pair that really hangs: each thread takes its first lock, both
// meet at a latch, then each waits for the lock the other holds. With
// std::mutex the program hangs for ever. The runtime reports the
// lock-order inversion when the second thread tries b -> a, and the real
// deadlock the moment the second wait closes the cycle of waits (thread
// 't1' waits for 'b' held by 't2', 't2' for 'a' held by 't1'); in abort mode
// (the default) it writes the report and stops the process within seconds.
// `timeout` turns a regression (a hang) into a failure: it exits with 124,
// which `not --crash` does not accept.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -f %t.json
// RUN: env LOCKGRAPH_REPORT=%t.json not --crash timeout 20 %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=ERR < %t.err
// RUN: FileCheck %s --check-prefix=JSON < %t.json
//
// In throw mode the thread whose wait closes the cycle gets
// std::system_error(resource_deadlock_would_occur), releases its lock, and
// the program ends normally.
// RUN: env LOCKGRAPH_ON_DEADLOCK=throw timeout 20 %t > %t.throw.out 2> %t.throw.err
// RUN: FileCheck %s --check-prefix=THROW < %t.throw.out

#include <lockgraph/lockgraph.hpp>

#include <iostream>
#include <latch>
#include <mutex>
#include <system_error>

lockgraph::mutex a{"a"};
lockgraph::mutex b{"b"};
std::latch both_hold(2);

void take(lockgraph::mutex& first, lockgraph::mutex& second) {
  std::lock_guard x(first);
  both_hold.arrive_and_wait();
  try {
    std::lock_guard y(second);
  } catch (const std::system_error& e) {
    std::cout << "caught: " << e.code().message() << '\n';
  }
}

int main() {
  lockgraph::thread t1("t1", take, std::ref(a), std::ref(b));
  lockgraph::thread t2("t2", take, std::ref(b), std::ref(a));
  t1.join();
  t2.join();
  std::cout << "both threads ended\n";
}

// ERR-DAG: abba_deadlock.cpp:[[#@LINE-14]]:{{[0-9]+}}: error: acquiring mutex '{{[ab]}}' while holding '{{[ab]}}' inverts the lock order: elsewhere {{.*}} [lock-order-inversion]
// ERR-DAG: abba_deadlock.cpp:[[#@LINE-15]]:{{[0-9]+}}: error: threads 't{{[12]}}' and 't{{[12]}}' are deadlocked: {{.*}}'t1' waits for mutex 'b' held by 't2'{{.*}} [deadlock]
// ERR-DAG: abba_deadlock.cpp:[[#@LINE-19]]:{{[0-9]+}}: note: '{{[ab]}}' acquired here by thread 't{{[12]}}'
// ERR: lockgraph: stopping the process at a deadlock (LOCKGRAPH_ON_DEADLOCK=abort)

// JSON: "check": "deadlock",
// JSON-NEXT: "severity": "error",
// JSON-NEXT: "file": "{{.*}}abba_deadlock.cpp",
// JSON-NEXT: "line": [[#@LINE-22]],
// JSON: "locks": [
// JSON-NEXT: "a",
// JSON-NEXT: "b"
// JSON-NEXT: ],
// JSON-NEXT: "threads": [
// JSON-NEXT: "t1",
// JSON-NEXT: "t2"
// JSON-NEXT: ],

// THROW: caught: Resource deadlock avoided
// THROW: both threads ended
