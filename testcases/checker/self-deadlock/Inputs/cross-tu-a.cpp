// First translation unit of cross-tu.test: the holder. Line numbers are
// checked there.
#include <mutex>

extern std::mutex accounts_mu;
void audit(int id);

void transfer(int from, int to) {
  std::lock_guard<std::mutex> g(accounts_mu);
  audit(from);
  (void)to;
}

// Don't flag: audited after the guard's scope.
void transferThenAudit(int from) {
  {
    std::lock_guard<std::mutex> g(accounts_mu);
  }
  audit(from);
}
