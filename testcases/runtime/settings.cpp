// The runtime's environment settings: LOCKGRAPH_ON_DEADLOCK, LOCKGRAPH_QUIET
// and LOCKGRAPH_REPORT (docs/runtime.md).
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
//
// An unknown mode is reported and the default (abort) is used.
// RUN: env LOCKGRAPH_ON_DEADLOCK=explode not --crash %t 2> %t.bad-mode
// RUN: FileCheck %s --check-prefix=BAD-MODE < %t.bad-mode
// BAD-MODE: lockgraph: warning: LOCKGRAPH_ON_DEADLOCK=explode is not one of abort, throw, block; using abort
// BAD-MODE: error: acquiring mutex 'm' that is already held [self-deadlock]
// BAD-MODE: lockgraph: stopping the process at a self-deadlock
//
// throw: lock() throws std::system_error; the program carries on and exits
// normally, with the summary at exit.
// RUN: env LOCKGRAPH_ON_DEADLOCK=throw %t > %t.throw.out 2> %t.throw.err
// RUN: FileCheck %s --check-prefix=THROW-OUT < %t.throw.out
// RUN: FileCheck %s --check-prefix=THROW-ERR < %t.throw.err
// THROW-OUT: caught resource_deadlock_would_occur
// THROW-ERR: error: acquiring mutex 'm' that is already held [self-deadlock]
// THROW-ERR: lockgraph: 1 error found
//
// LOCKGRAPH_QUIET=1 silences stderr, LOCKGRAPH_QUIET=0 does not.
// RUN: env LOCKGRAPH_ON_DEADLOCK=throw LOCKGRAPH_QUIET=1 %t 2> %t.quiet
// RUN: count 0 < %t.quiet
// RUN: env LOCKGRAPH_ON_DEADLOCK=throw LOCKGRAPH_QUIET=0 %t 2> %t.loud
// RUN: FileCheck %s --check-prefix=THROW-ERR < %t.loud
//
// A report that cannot be written is an error message, not a crash.
// RUN: env LOCKGRAPH_ON_DEADLOCK=throw LOCKGRAPH_REPORT=%t.missing/dir/report.json %t 2> %t.unwritable
// RUN: FileCheck %s --check-prefix=UNWRITABLE < %t.unwritable
// UNWRITABLE: lockgraph: error: cannot write the report: {{.*}}report.json{{.*}}

#include <lockgraph/lockgraph.hpp>

#include <iostream>
#include <system_error>

int main() {
  lockgraph::mutex m{"m"};
  m.lock();
  try {
    m.lock();
  } catch (const std::system_error& e) {
    if (e.code() == std::errc::resource_deadlock_would_occur)
      std::cout << "caught resource_deadlock_would_occur\n";
  }
  m.unlock();
}
