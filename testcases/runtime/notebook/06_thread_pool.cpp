// Port of notebook cell: Thread Pool (In [19]), written with lockgraph types.
//
// A lockgraph::thread_pool with three workers maps myfunc over three names,
// printing "main started"/"main ended" while the tasks may still run; leaving
// the block destroys the pool, which (like leaving `with ThreadPoolExecutor`)
// waits for every task. The workers are lockgraph threads named "pool-1",
// "pool-2", "pool-3". The task results come back in order. No findings.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -f %t.json
// RUN: env LOCKGRAPH_REPORT=%t.json timeout 20 %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: count 0 < %t.err
// RUN: FileCheck %s --check-prefix=JSON < %t.json

#include <lockgraph/lockgraph.hpp>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

using namespace std::chrono_literals;

lockgraph::mutex out_mu{"cout"};  // keeps the lines whole

std::size_t myfunc(const std::string& name) {
  {
    std::lock_guard lock(out_mu);
    std::cout << "my func started with " << name << " in " << lockgraph::this_thread::name()
              << '\n';
  }
  std::this_thread::sleep_for(10ms);
  {
    std::lock_guard lock(out_mu);
    std::cout << "myfunc ended with " << name << '\n';
  }
  return name.size();
}

int main() {
  std::vector<lockgraph::future<std::size_t>> results;
  {
    lockgraph::thread_pool pool(3, "pool");  // ThreadPoolExecutor(max_workers=3)
    {
      std::lock_guard lock(out_mu);
      std::cout << "main started\n";
    }
    for (std::string name : {"brian", "ciran", "david"}) results.push_back(pool.submit(myfunc, name));
    {
      std::lock_guard lock(out_mu);
      std::cout << "main ended\n";
      std::cout << pool << '\n';
    }
  }  // waits for the three tasks
  std::cout << "after the pool:";
  for (auto& r : results) std::cout << ' ' << r.get();
  std::cout << '\n';
}

// OUT-DAG: main started
// OUT-DAG: main ended
// OUT-DAG: <lockgraph::thread_pool "pool" workers=3 queued={{[0-3]}}>
// OUT-DAG: my func started with brian in pool-{{[1-3]}}
// OUT-DAG: my func started with ciran in pool-{{[1-3]}}
// OUT-DAG: my func started with david in pool-{{[1-3]}}
// OUT-DAG: myfunc ended with brian
// OUT-DAG: myfunc ended with ciran
// OUT-DAG: myfunc ended with david
// OUT: after the pool: 5 5 5

// JSON:      "findings": [],
