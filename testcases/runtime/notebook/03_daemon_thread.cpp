// Port of notebook cell: Daemon Thread (In [11]), written with lockgraph types.
//
// A daemon thread is one the main thread does not wait for:
// lockgraph::thread with `.daemon = true` is detached as it starts. The
// notebook still shows "myfunc ended" because the Jupyter kernel keeps
// running after the cell; main sleeps briefly for the same effect. That run
// is clean. Run with an argument, the daemon is still running when main
// returns: it ends with the process, as Python's daemons do, and the runtime
// says so on stderr (a note, not a finding).
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -f %t.json %t.late.json
// RUN: env LOCKGRAPH_REPORT=%t.json %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: count 0 < %t.err
// RUN: FileCheck %s --check-prefix=JSON < %t.json
//
// RUN: env LOCKGRAPH_REPORT=%t.late.json %t still-running > %t.late.out 2> %t.late.err
// RUN: FileCheck %s --check-prefix=LATE < %t.late.err
// RUN: FileCheck %s --check-prefix=JSON < %t.late.json

#include <lockgraph/lockgraph.hpp>

#include <chrono>
#include <iostream>
#include <string>

using namespace std::chrono_literals;

void myfunc(std::string name, std::chrono::milliseconds work) {
  std::cout << "my func started with " << name << std::endl;
  std::this_thread::sleep_for(work);
  std::cout << "myfunc ended" << std::endl;
}

int main(int argc, char**) {
  const auto work = argc > 1 ? 10s : 5ms;
  std::cout << "main started" << std::endl;
  std::string name = "brian";
  lockgraph::thread t({.name = "myfunc", .daemon = true}, myfunc, name, work);
  std::cout << t << std::endl;  // detached: not joinable
  std::cout << "main ended" << std::endl;
  std::this_thread::sleep_for(100ms);  // stands in for the kernel that keeps running
}

// OUT: main started
// OUT-DAG: <lockgraph::thread "myfunc" not joinable>
// OUT-DAG: my func started with brian
// OUT-DAG: main ended
// OUT: myfunc ended

// LATE: lockgraph: note: daemon thread 'myfunc' (started at {{.*}}03_daemon_thread.cpp:[[#@LINE-12]]) is still running at exit; it ends with the process

// JSON:      "findings": [],
