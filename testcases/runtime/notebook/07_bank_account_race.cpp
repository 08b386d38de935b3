// Port of notebook cell: Race Conditions / Bank Account Program (In [26], In [40]),
// written with lockgraph types.
//
// Two transactions (deposit 150, withdraw 150) run at the same time on one
// Account. update() copies the balance, adds the amount, sleeps (a few
// milliseconds here, 1 s in the notebook) and writes the copy back, so one
// update overwrites the other. The balance is a lockgraph::shared<int>, so
// the runtime sees both threads read and write it with no lock held and
// neither access ordered before the other's: it reports a data race on
// 'balance' for the pair (write, read) and for the pair (write, write),
// whichever thread comes first, and whether or not this run loses an update.
// main's reads happen before the threads start and after both are joined,
// so they are not part of any race.
//
// RUN: %cxx -std=c++20 -I%rt_include %s %rt_lib/liblockgraph_rt.a -pthread -o %t
// RUN: rm -f %t.json
// RUN: env LOCKGRAPH_REPORT=%t.json %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: FileCheck %s --check-prefix=ERR < %t.err
// RUN: FileCheck %s --check-prefix=JSON < %t.json
//
// The verdict does not depend on the interleaving: run it again.
// RUN: env LOCKGRAPH_REPORT=%t.2.json %t > %t.2.out 2> %t.2.err
// RUN: FileCheck %s --check-prefix=JSON < %t.2.json

#include <lockgraph/lockgraph.hpp>

#include <chrono>
#include <iostream>

using namespace std::chrono_literals;

class Account {
 public:
  int balance() const { return balance_.load(); }

  void update(const char* transaction, int amount) {
    std::cout << transaction << " thread updating...\n";
    int local_copy = balance_.load();
    local_copy += amount;
    std::this_thread::sleep_for(10ms);
    balance_ = local_copy;
    std::cout << transaction << " thread finishing...\n";
  }

 private:
  lockgraph::shared<int> balance_{"balance", 100};  // shared data
};

int main() {
  Account account;
  std::cout << "starting with balance of " << account.balance() << '\n';
  {  // with ThreadPoolExecutor(max_workers=2) as ex: both submitted, then both waited for
    lockgraph::thread deposit("deposit", &Account::update, &account, "deposit", 150);
    lockgraph::thread withdraw("withdraw", &Account::update, &account, "withdraw", -150);
    deposit.join();
    withdraw.join();
  }
  std::cout << "ending balance with " << account.balance() << '\n';
}

// OUT: starting with balance of 100
// OUT: ending balance with {{-?[0-9]+}}

// The write at `balance_ = local_copy`, with the read at `balance_.load()` and
// the other thread's write; roles and print order depend on the interleaving.
// ERR-DAG:  {{.*}}07_bank_account_race.cpp:[[#@LINE-25]]:{{[0-9]+}}: error: data race on 'balance': a write and a read by threads 'deposit' and 'withdraw' are not ordered and hold no lock in common [data-race]
// ERR-DAG:  {{.*}}07_bank_account_race.cpp:[[#@LINE-29]]:{{[0-9]+}}: note: conflicting read by thread '{{deposit|withdraw}}' here, holding no lock
// ERR-DAG:  {{.*}}07_bank_account_race.cpp:[[#@LINE-15]]:{{[0-9]+}}: note: thread 'deposit' started here
// ERR-DAG:  {{.*}}07_bank_account_race.cpp:[[#@LINE-15]]:{{[0-9]+}}: note: thread 'withdraw' started here
// ERR-DAG:  {{.*}}07_bank_account_race.cpp:[[#@LINE-29]]:{{[0-9]+}}: error: data race on 'balance': writes by threads 'deposit' and 'withdraw' are not ordered and hold no lock in common [data-race]
// ERR-DAG:  {{.*}}07_bank_account_race.cpp:[[#@LINE-30]]:{{[0-9]+}}: note: conflicting write by thread '{{deposit|withdraw}}' here, holding no lock
// ERR-DAG:  {{.*}}07_bank_account_race.cpp:[[#@LINE-19]]:{{[0-9]+}}: note: thread 'deposit' started here
// ERR-DAG:  {{.*}}07_bank_account_race.cpp:[[#@LINE-19]]:{{[0-9]+}}: note: thread 'withdraw' started here
// ERR:      lockgraph: 2 errors found; report: {{.*}}.json
// ERR-NOT:  data-race

// JSON:      "findings": [
// JSON-NEXT:     {
// JSON-NEXT:       "check": "data-race",
// JSON-NEXT:       "severity": "error",
// JSON-NEXT:       "file": "{{.*}}07_bank_account_race.cpp",
// JSON-NEXT:       "line": [[#@LINE-41]],
// JSON-NEXT:       "column": {{[0-9]+}},
// JSON-NEXT:       "message": "data race on 'balance': a write and a read by threads 'deposit' and 'withdraw' are not ordered and hold no lock in common",
// JSON-NEXT:       "locks": [],
// JSON-NEXT:       "threads": [
// JSON-NEXT:         "deposit",
// JSON-NEXT:         "withdraw"
// JSON-NEXT:       ],
// JSON-NEXT:       "notes": [
// JSON-NEXT:         {
// JSON-NEXT:           "file": "{{.*}}07_bank_account_race.cpp",
// JSON-NEXT:           "line": [[#@LINE-55]],
// JSON-NEXT:           "column": {{[0-9]+}},
// JSON-NEXT:           "message": "conflicting read by thread '{{deposit|withdraw}}' here, holding no lock"
// JSON-NEXT:         },
// JSON:            "message": "thread 'deposit' started here"
// JSON:            "message": "thread 'withdraw' started here"
// JSON:          "fingerprint": "{{[0-9a-f]+}}"
// JSON-NEXT:     },
// JSON-NEXT:     {
// JSON-NEXT:       "check": "data-race",
// JSON-NEXT:       "severity": "error",
// JSON-NEXT:       "file": "{{.*}}07_bank_account_race.cpp",
// JSON-NEXT:       "line": [[#@LINE-64]],
// JSON-NEXT:       "column": {{[0-9]+}},
// JSON-NEXT:       "message": "data race on 'balance': writes by threads 'deposit' and 'withdraw' are not ordered and hold no lock in common",
// JSON:            "message": "conflicting write by thread '{{deposit|withdraw}}' here, holding no lock"
// JSON:          "fingerprint": "{{[0-9a-f]+}}"
// JSON-NEXT:     }
// JSON-NEXT:   ],
// JSON-NEXT:   "lock_graph": {
