// Port of notebook cell: Lock Objects / Account with a lock (In [38], In [39]),
// written with lockgraph types.
//
// The bank account of 07_bank_account_race.cpp with a lock: update() holds
// mu_ around the read, the sleep and the write, so the two transactions run
// one after the other and the ending balance is always 100. Both threads
// access the lockgraph::shared<int> balance concurrently (neither is joined
// before the other starts) but always holding 'Account::mu_', so the race
// detector's lockset for the balance never becomes empty: no finding.
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

using namespace std::chrono_literals;

class Account {
 public:
  int balance() const {
    std::lock_guard lock(mu_);
    return balance_.load();
  }

  void update(const char* transaction, int amount) {
    std::cout << transaction << " thread updating...\n";
    {
      std::lock_guard lock(mu_);
      int local_copy = balance_.load();
      local_copy += amount;
      std::this_thread::sleep_for(10ms);
      balance_ = local_copy;
    }
    std::cout << transaction << " thread finishing...\n";
  }

 private:
  lockgraph::shared<int> balance_{"balance", 100};  // shared data, guarded by mu_
  mutable lockgraph::mutex mu_{"Account::mu_"};
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
// OUT: ending balance with 100

// JSON:      "findings": [],
