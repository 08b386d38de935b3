// Port of notebook cell: Multiple Threads (In [17]), written with lockgraph
// types.
//
// Three lockgraph::threads run three functions at the same time; main starts
// all three, then joins them in order before printing "main ended". Their
// lines may come in any order. Each line is printed under one
// lockgraph::mutex (so lines stay whole); the threads take it one at a time
// and never nest it with another lock, so the lock graph stays empty and the
// runtime reports nothing.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -f %t.json
// RUN: env LOCKGRAPH_REPORT=%t.json %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: count 0 < %t.err
// RUN: FileCheck %s --check-prefix=JSON < %t.json

#include <lockgraph/lockgraph.hpp>

#include <chrono>
#include <iostream>
#include <mutex>
#include <string>

using namespace std::chrono_literals;

lockgraph::mutex out_mu{"cout"};  // keeps the lines whole

void myfunc1(const std::string& name) {
  {
    std::lock_guard lock(out_mu);
    std::cout << "my func1 started with " << name << '\n';
  }
  std::this_thread::sleep_for(10ms);
  std::lock_guard lock(out_mu);
  std::cout << "myfunc1 ended\n";
}

void myfunc2(const std::string& name) {
  {
    std::lock_guard lock(out_mu);
    std::cout << "my func2 started with " << name << '\n';
  }
  std::this_thread::sleep_for(10ms);
  std::lock_guard lock(out_mu);
  std::cout << "myfunc2 ended\n";
}

void myfunc3(const std::string& name) {
  {
    std::lock_guard lock(out_mu);
    std::cout << "my func3 started with " << name << '\n';
  }
  std::this_thread::sleep_for(10ms);
  std::lock_guard lock(out_mu);
  std::cout << "myfunc3 ended\n";
}

int main() {
  {
    std::lock_guard lock(out_mu);
    std::cout << "main started\n";
  }
  lockgraph::thread t1("t1", myfunc1, std::string("brian"));
  lockgraph::thread t2("t2", myfunc2, std::string("ciran"));
  lockgraph::thread t3("t3", myfunc3, std::string("david"));
  t1.join();
  t2.join();
  t3.join();
  std::lock_guard lock(out_mu);
  std::cout << "main ended\n";
}

// OUT:     main started
// OUT-DAG: my func1 started with brian
// OUT-DAG: my func2 started with ciran
// OUT-DAG: my func3 started with david
// OUT-DAG: myfunc1 ended
// OUT-DAG: myfunc2 ended
// OUT-DAG: myfunc3 ended
// OUT:     main ended

// JSON:      "findings": [],
// JSON-NEXT: "lock_graph": {
// JSON-NEXT:   "nodes": [],
// JSON-NEXT:   "edges": []
