// Port of notebook cell: Lock Objects / Account with a lock (In [38], In [39])
//
// The bank account of 07_bank_account_race.cpp with a mutex: update() holds mu_
// (std::lock_guard) around the read, the sleep and the write, so the two
// transactions run one after the other and the ending balance is always 100.
// As in the notebook, the simulated work (the sleep) happens inside the lock.
//
// lockgraph check must report:
//   blocking-under-lock (warning) at the sleep_for in update(), made while mu_ is
//   held (acquired by the lock_guard on the line before). Nothing else: every
//   access to balance_ holds mu_.
// lockgraph runtime must report: nothing.

#include <chrono>
#include <future>
#include <iostream>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

using namespace std::chrono_literals;

class Account {
 public:
  int balance() const {
    std::lock_guard lock(mu_);
    return balance_;
  }

  void update(const char* transaction, int amount) {
    std::cout << transaction << " thread updating...\n";
    {
      std::lock_guard lock(mu_);
      int local_copy = balance_;
      local_copy += amount;
      std::this_thread::sleep_for(10ms);
      balance_ = local_copy;
    }
    std::cout << transaction << " thread finishing...\n";
  }

 private:
  int balance_ = 100;  // shared data, guarded by mu_
  mutable std::mutex mu_;
};

int main() {
  Account account;
  std::cout << "starting with balance of " << account.balance() << '\n';
  {  // with ThreadPoolExecutor(max_workers=2) as ex: ex.submit(...)
    std::vector<std::future<void>> tasks;
    for (auto [transaction, amount] : {std::pair{"deposit", 150}, std::pair{"withdraw", -150}})
      tasks.push_back(
          std::async(std::launch::async, &Account::update, &account, transaction, amount));
    for (std::future<void>& task : tasks) task.get();  // the end of the `with` block waits
  }
  std::cout << "ending balance with " << account.balance() << '\n';
}
