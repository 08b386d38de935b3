// Port of notebook cell: Semaphore (In [31], In [32], In [33], In [34]),
// written with lockgraph types.
//
// A counting semaphore starts with 50 permits; three acquires take it to 47
// and one release brings it back to 48. lockgraph::counting_semaphore has
// value(), so the port prints it as the notebook prints sem._value, and
// printing the semaphore shows its state. In [31] looked at a default
// Semaphore, whose value is 1. Nothing is wrong here: no findings.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -f %t.json
// RUN: env LOCKGRAPH_REPORT=%t.json %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT --match-full-lines < %t.out
// RUN: count 0 < %t.err
// RUN: FileCheck %s --check-prefix=JSON < %t.json

#include <lockgraph/lockgraph.hpp>

#include <iostream>

int main() {
  lockgraph::counting_semaphore<> default_sem{1};  // threading.Semaphore()
  std::cout << default_sem.value() << '\n';

  lockgraph::counting_semaphore<> sem{50, "sem"};  // threading.Semaphore(value=50)
  std::cout << sem.value() << '\n';

  sem.acquire();
  sem.acquire();
  sem.acquire();
  std::cout << sem.value() << '\n';

  sem.release();
  std::cout << sem.value() << '\n';
  std::cout << sem << '\n';
}

// OUT:      1
// OUT-NEXT: 50
// OUT-NEXT: 47
// OUT-NEXT: 48
// OUT-NEXT: <lockgraph::counting_semaphore "sem" value=48>

// JSON:      "findings": [],
