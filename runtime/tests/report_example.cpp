// A program for validate_report.py: makes findings of every kind this
// runtime reports and lets the runtime write its report at exit (or at
// std::terminate for thread-not-joined). Deterministic: threads run one
// after the other.
#include <lockgraph/lockgraph.hpp>

#include <atomic>
#include <cstring>
#include <mutex>
#include <system_error>

int main(int argc, char** argv) {
  const char* mode = argc > 1 ? argv[1] : "findings";
  lockgraph::set_deadlock_mode(lockgraph::deadlock_mode::throw_error);
  lockgraph::mutex a{"Account::mu_"}, b{"Bank::mu_"}, c{"Ledger::mu_"};
  lockgraph::recursive_mutex r{"registry"};
  lockgraph::mutex unnamed;

  if (std::strcmp(mode, "clean") == 0) {
    std::scoped_lock both(a, b);
    std::lock_guard rec(r);
    std::lock_guard again(r);
    return 0;
  }
  if (std::strcmp(mode, "not-joined") == 0) {
    lockgraph::thread t("forgotten", [] {});
    return 0;  // ~thread reports, writes the report, terminates
  }

  // lock-order-inversion: a three-lock cycle across two threads.
  lockgraph::thread t1("t1", [&] {
    std::lock_guard x(a);
    std::lock_guard y(b);
    std::lock_guard z(c);
  });
  t1.join();
  lockgraph::thread t2("t2", [&] {
    std::lock_guard z(c);
    std::lock_guard x(a);
  });
  t2.join();
  // self-deadlock (thrown)
  unnamed.lock();
  try {
    unnamed.lock();
  } catch (const std::system_error&) {
  }
  unnamed.unlock();
  // unlock-not-held
  unnamed.unlock();
  r.unlock();
  // data-race: written under a lock, then read by a thread that nothing
  // orders after the writer (the atomic flag is invisible to the runtime).
  lockgraph::shared<int> balance{"balance", 0};
  std::atomic<bool> written{false};
  lockgraph::thread writer("writer", [&] {
    std::lock_guard g(c);
    balance = 1;
    written = true;
  });
  while (!written) std::this_thread::yield();
  lockgraph::thread reader("reader", [&] { (void)balance.load(); });
  reader.join();
  writer.join();
  // lock-leak
  lockgraph::thread leaker("leaker", [&] { b.lock(); });
  leaker.join();
  return 0;
}
