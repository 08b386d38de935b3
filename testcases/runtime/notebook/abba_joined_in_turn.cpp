// An ABBA pair that does not hang: one thread takes 'a' then 'b', and only
// after it has been joined does a second thread take 'b' then 'a'. The run
// cannot deadlock, but the same code with the threads overlapping can. The
// runtime reports the lock-order inversion when the closing edge b -> a
// first appears, as a warning marked "concurrent": false, because the two
// threads never ran at the same time.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -f %t.json
// RUN: env LOCKGRAPH_REPORT=%t.json %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: FileCheck %s --check-prefix=ERR < %t.err
// RUN: FileCheck %s --check-prefix=JSON < %t.json

#include <lockgraph/lockgraph.hpp>

#include <iostream>
#include <mutex>

lockgraph::mutex a{"a"};
lockgraph::mutex b{"b"};

void a_then_b() {
  std::lock_guard first(a);
  std::lock_guard second(b);
}

void b_then_a() {
  std::lock_guard first(b);
  std::lock_guard second(a);
}

int main() {
  lockgraph::thread t1("t1", a_then_b);
  t1.join();
  lockgraph::thread t2("t2", b_then_a);
  t2.join();
  std::cout << "both threads joined\n";
}

// OUT: both threads joined

// ERR:      {{.*}}abba_joined_in_turn.cpp:[[#@LINE-13]]:{{[0-9]+}}: warning: acquiring mutex 'a' while holding 'b' inverts the lock order: elsewhere 'b' is acquired while holding 'a' [lock-order-inversion]
// ERR-NEXT: {{.*}}abba_joined_in_turn.cpp:[[#@LINE-15]]:{{[0-9]+}}: note: 'b' acquired here by thread 't2'
// ERR-NEXT: {{.*}}abba_joined_in_turn.cpp:[[#@LINE-20]]:{{[0-9]+}}: note: 'b' acquired here by thread 't1' while holding 'a'
// ERR-NEXT: {{.*}}abba_joined_in_turn.cpp:[[#@LINE-22]]:{{[0-9]+}}: note: 'a' acquired here by thread 't1'
// ERR-NEXT: lockgraph: note: the threads of the cycle never ran at the same time, so this run could not deadlock; a schedule where they overlap can
// ERR-NEXT: lockgraph: 1 warning found; report: {{.*}}.json

// JSON:      "findings": [
// JSON-NEXT:   {
// JSON-NEXT:     "check": "lock-order-inversion",
// JSON-NEXT:     "severity": "warning",
// JSON-NEXT:     "file": "{{.*}}abba_joined_in_turn.cpp",
// JSON-NEXT:     "line": [[#@LINE-25]],
// JSON:          "locks": [
// JSON-NEXT:       "b",
// JSON-NEXT:       "a"
// JSON-NEXT:     ],
// JSON-NEXT:     "threads": [
// JSON-NEXT:       "t1",
// JSON-NEXT:       "t2"
// JSON-NEXT:     ],
// JSON:          "fingerprint": "{{[0-9a-f]+}}",
// JSON-NEXT:     "concurrent": false
// JSON-NEXT:   }
// JSON-NEXT: ],
// JSON-NEXT: "lock_graph": {
// JSON-NEXT:   "nodes": [
// JSON-NEXT:     {
// JSON-NEXT:       "name": "a",
// JSON-NEXT:       "kind": "mutex"
// JSON-NEXT:     },
// JSON-NEXT:     {
// JSON-NEXT:       "name": "b",
// JSON-NEXT:       "kind": "mutex"
// JSON-NEXT:     }
// JSON-NEXT:   ],
// JSON-NEXT:   "edges": [
// JSON-NEXT:     {
// JSON-NEXT:       "from": "a",
// JSON-NEXT:       "to": "b",
// JSON-NEXT:       "sites": [
// JSON-NEXT:         {
// JSON-NEXT:           "file": "{{.*}}abba_joined_in_turn.cpp",
// JSON-NEXT:           "line": [[#@LINE-61]],
// JSON-NEXT:           "column": {{[0-9]+}}
// JSON-NEXT:         }
// JSON-NEXT:       ],
// JSON-NEXT:       "in_cycle": true
// JSON-NEXT:     },
// JSON-NEXT:     {
// JSON-NEXT:       "from": "b",
// JSON-NEXT:       "to": "a",
// JSON:            "in_cycle": true
