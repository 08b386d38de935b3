//===- CheckRegistry.cpp - The list of checks and their selection ---------===//
#include "checks/CheckRegistry.h"

#include "checks/LockLeakCheck.h"
#include "checks/LockOrderInversionCheck.h"
#include "checks/SelfDeadlockCheck.h"
#include "checks/UnlockNotHeldCheck.h"

#include <functional>

namespace lockgraph {

const std::vector<RuleInfo> &allChecks() {
  static const std::vector<RuleInfo> Rules = {
      {"unguarded-shared-state",
       "Shared state accessed by threads that may run at the same time, at "
       "least one writing, with no lock held in common",
       "A data race: the result depends on timing and the behaviour is "
       "undefined. Guard every access with one common lock, make the value "
       "atomic, or stop sharing it.",
       Severity::Warning},
      {"self-deadlock",
       "A non-recursive lock acquired again by the thread that holds it",
       "The second acquisition blocks forever (std::mutex: undefined "
       "behaviour). Release the lock before calling code that takes it, "
       "split the function into a locked and an unlocked variant, or use a "
       "recursive mutex if re-entry is intended.",
       Severity::Error},
      {"lock-order-inversion",
       "Two or more locks acquired in different orders on different paths",
       "Two threads taking the locks in opposite orders can deadlock. Pick "
       "one global order, or take the locks together with std::scoped_lock "
       "/ std::lock.",
       Severity::Warning},
      {"lock-leak",
       "A lock still held when a function returns on some path, or when a "
       "thread ends",
       "Every later acquisition of the lock blocks. Use an RAII guard "
       "(std::lock_guard, std::unique_lock) so that every return releases "
       "it.",
       Severity::Warning},
      {"unlock-not-held",
       "Releasing a lock that the thread does not hold",
       "Unlocking a std::mutex the thread does not own is undefined "
       "behaviour; a double unlock corrupts the lock's state. Release only "
       "what this thread acquired; use a semaphore or condition variable to "
       "signal between threads.",
       Severity::Error},
      {"blocking-under-lock",
       "Sleep, join, future wait or another blocking wait while a lock is "
       "held",
       "Every other thread needing the lock waits too; joining a thread "
       "that needs the lock deadlocks. Release the lock before blocking.",
       Severity::Warning},
      {"thread-not-joined",
       "A std::thread that may be destroyed while joinable",
       "Destroying a joinable std::thread calls std::terminate. Join or "
       "detach it on every path, or use std::jthread.",
       Severity::Error},
      {"detached-thread-escape",
       "A detached thread that refers to locals of a frame that can end "
       "first",
       "The thread reads or writes freed stack memory. Pass values by copy "
       "or keep the data alive (shared_ptr) for the thread's lifetime.",
       Severity::Error},
  };
  return Rules;
}

static bool globMatch(const std::string &Pattern, const std::string &Name) {
  // '*' matches any run of characters; nothing else is special.
  size_t P = 0, N = 0, Star = std::string::npos, Mark = 0;
  while (N < Name.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      Star = P++;
      Mark = N;
    } else if (P < Pattern.size() && Pattern[P] == Name[N]) {
      ++P;
      ++N;
    } else if (Star != std::string::npos) {
      P = Star + 1;
      N = ++Mark;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

bool selectChecks(const std::string &Globs, std::vector<std::string> &Enabled,
                  std::string &Error) {
  std::vector<std::pair<std::string, bool>> On;
  for (const RuleInfo &R : allChecks())
    On.push_back({R.Id, true});
  size_t Start = 0;
  while (Start <= Globs.size()) {
    size_t Comma = Globs.find(',', Start);
    std::string Item = Globs.substr(
        Start, Comma == std::string::npos ? std::string::npos : Comma - Start);
    Start = Comma == std::string::npos ? Globs.size() + 1 : Comma + 1;
    // Trim spaces.
    while (!Item.empty() && Item.front() == ' ')
      Item.erase(Item.begin());
    while (!Item.empty() && Item.back() == ' ')
      Item.pop_back();
    if (Item.empty())
      continue;
    bool Negative = Item.front() == '-';
    std::string Pattern = Negative ? Item.substr(1) : Item;
    bool Matched = false;
    for (auto &[Name, Enabled] : On)
      if (globMatch(Pattern, Name)) {
        Enabled = !Negative;
        Matched = true;
      }
    if (!Matched) {
      Error = "unknown check '" + Pattern + "' in --checks (known: ";
      for (size_t I = 0; I < allChecks().size(); ++I)
        Error += (I ? ", " : "") + allChecks()[I].Id;
      Error += ")";
      return false;
    }
  }
  Enabled.clear();
  for (const auto &[Name, IsOn] : On)
    if (IsOn)
      Enabled.push_back(Name);
  return true;
}

std::vector<std::unique_ptr<Check>>
createChecks(const std::vector<std::string> &Enabled,
             std::vector<Finding> &Sink) {
  using Factory = std::function<std::unique_ptr<Check>(std::vector<Finding> &)>;
  static const std::vector<std::pair<std::string, Factory>> Factories = {
      {"self-deadlock",
       [](auto &S) { return std::make_unique<SelfDeadlockCheck>(S); }},
      {"lock-order-inversion",
       [](auto &S) { return std::make_unique<LockOrderInversionCheck>(S); }},
      {"lock-leak", [](auto &S) { return std::make_unique<LockLeakCheck>(S); }},
      {"unlock-not-held",
       [](auto &S) { return std::make_unique<UnlockNotHeldCheck>(S); }},
  };
  std::vector<std::unique_ptr<Check>> Checks;
  for (const auto &[Name, Make] : Factories)
    for (const std::string &E : Enabled)
      if (E == Name)
        Checks.push_back(Make(Sink));
  return Checks;
}

void CheckMultiplexer::handleDoubleAcquire(const FunctionFacts &F,
                                           const HeldFact &First,
                                           const LockRef &Lock,
                                           const SourcePos &Site,
                                           const CallChain &Chain, bool Must) {
  for (auto &C : Checks)
    C->handleDoubleAcquire(F, First, Lock, Site, Chain, Must);
}
void CheckMultiplexer::handleDoubleRelease(const FunctionFacts &F,
                                           const LockRef &Lock,
                                           const SourcePos &Site,
                                           const CallChain &Chain,
                                           const ReleaseFact &Previous) {
  for (auto &C : Checks)
    C->handleDoubleRelease(F, Lock, Site, Chain, Previous);
}
void CheckMultiplexer::handleReleaseMaybeNotHeld(const FunctionFacts &F,
                                                 const LockRef &Lock,
                                                 const SourcePos &Site,
                                                 const CallChain &Chain,
                                                 const HeldFact &Held,
                                                 const ThreadRoot *Root) {
  for (auto &C : Checks)
    C->handleReleaseMaybeNotHeld(F, Lock, Site, Chain, Held, Root);
}
void CheckMultiplexer::handleReleaseInThread(const FunctionFacts &F,
                                             const ThreadRoot &Root,
                                             const SummaryRelease &Release) {
  for (auto &C : Checks)
    C->handleReleaseInThread(F, Root, Release);
}
void CheckMultiplexer::handleHeldAtReturn(const FunctionFacts &F,
                                          const HeldFact &Held,
                                          const SourcePos &Return,
                                          bool OnEveryPath,
                                          const ThreadRoot *Root) {
  for (auto &C : Checks)
    C->handleHeldAtReturn(F, Held, Return, OnEveryPath, Root);
}
void CheckMultiplexer::handleLockCycle(const LockCycle &Cycle) {
  for (auto &C : Checks)
    C->handleLockCycle(Cycle);
}

} // namespace lockgraph
