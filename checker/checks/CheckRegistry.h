//===- CheckRegistry.h - The list of checks and their selection -----------===//
#ifndef LOCKGRAPH_CHECKS_CHECKREGISTRY_H
#define LOCKGRAPH_CHECKS_CHECKREGISTRY_H

#include "checks/Check.h"
#include "report/Emitters.h"

#include <memory>
#include <string>
#include <vector>

namespace lockgraph {

/// Every check lockgraph knows, in a fixed order, with its description.
const std::vector<RuleInfo> &allChecks();

/// Applies a clang-tidy style glob list ("-*,self-deadlock,lock-*") to the
/// check names. Returns false and sets \p Error for a pattern that matches
/// no check (a misspelt name).
bool selectChecks(const std::string &Globs, std::vector<std::string> &Enabled,
                  std::string &Error);

/// Creates the enabled checks that this build implements.
std::vector<std::unique_ptr<Check>>
createChecks(const std::vector<std::string> &Enabled,
             std::vector<Finding> &Sink);

/// Forwards every analysis event to each check.
class CheckMultiplexer : public AnalysisHandler {
public:
  explicit CheckMultiplexer(std::vector<std::unique_ptr<Check>> &Checks)
      : Checks(Checks) {}
  void handleDoubleAcquire(const FunctionFacts &F, const HeldFact &First,
                           const LockRef &Lock, const SourcePos &Site,
                           const CallChain &Chain, bool Must) override;
  void handleDoubleRelease(const FunctionFacts &F, const LockRef &Lock,
                           const SourcePos &Site, const CallChain &Chain,
                           const ReleaseFact &Previous) override;
  void handleReleaseMaybeNotHeld(const FunctionFacts &F, const LockRef &Lock,
                                 const SourcePos &Site, const CallChain &Chain,
                                 const HeldFact &Held,
                                 const ThreadRoot *Root) override;
  void handleReleaseInThread(const FunctionFacts &F, const ThreadRoot &Root,
                             const SummaryRelease &Release) override;
  void handleHeldAtReturn(const FunctionFacts &F, const HeldFact &Held,
                          const SourcePos &Return, bool OnEveryPath,
                          const ThreadRoot *Root) override;
  void handleHeldAtThrow(const FunctionFacts &F, const HeldFact &Held,
                         const SourcePos &Throw) override;
  void handleLockCycle(const LockCycle &Cycle) override;
  void handleRace(const RaceFinding &Race) override;
  void handleBlockingUnderLock(const FunctionFacts &F, const std::string &What,
                               const SourcePos &Site, const CallChain &Chain,
                               const HeldFact &Held,
                               bool NeededByJoined) override;
  void handleThreadNotJoined(const FunctionFacts &F, const JoinableFact &Thread,
                             const SourcePos &Where, bool Reassigned) override;
  void handleDetachedEscape(const FunctionFacts &F, const SourcePos &Spawn,
                            const std::string &Entry, const LockRef &Local,
                            const SourcePos &Use) override;

private:
  std::vector<std::unique_ptr<Check>> &Checks;
};

} // namespace lockgraph

#endif
