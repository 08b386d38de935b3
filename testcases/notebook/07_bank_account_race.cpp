// Port of notebook cell: Race Conditions / Bank Account Program (In [26], In [40])
//
// Two transactions (deposit 150, withdraw 150) run at the same time on one
// Account. update() copies the balance, adds the amount, sleeps (1 s in the
// notebook, a few milliseconds here) and writes the copy back, so one update
// overwrites the other: the ending balance is 250 or -50 instead of 100.
//
// lockgraph check must report:
//   unguarded-shared-state on Account::balance_: the read (local_copy = balance_)
//   and the write (balance_ = local_copy) in update() run in both transaction
//   threads with no lock held. (main's reads through balance() happen before the
//   tasks start and after they finish, so they are not findings.)
// lockgraph runtime must report: nothing (balance_ is a plain int, which the
// runtime does not track; the race shows only as the wrong ending balance).

#include <chrono>
#include <future>
#include <iostream>
#include <thread>
#include <utility>
#include <vector>

using namespace std::chrono_literals;

class Account {
 public:
  int balance() const { return balance_; }

  void update(const char* transaction, int amount) {
    std::cout << transaction << " thread updating...\n";
    int local_copy = balance_;
    local_copy += amount;
    std::this_thread::sleep_for(10ms);
    balance_ = local_copy;
    std::cout << transaction << " thread finishing...\n";
  }

 private:
  int balance_ = 100;  // shared data
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
