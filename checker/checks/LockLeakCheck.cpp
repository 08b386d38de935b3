//===- LockLeakCheck.cpp - A lock still held when a function returns ------===//
#include "checks/LockLeakCheck.h"

namespace lockgraph {

void LockLeakCheck::handleHeldAtReturn(const FunctionFacts &F,
                                       const HeldFact &Held,
                                       const SourcePos &Return,
                                       bool OnEveryPath,
                                       const ThreadRoot *Root) {
  std::string Name = quoted(Held.Lock.shortName());
  std::string Message;
  if (Root) {
    std::string End = Root->Spawn.valid()
                          ? "thread " + quoted(Root->Name) + " ends"
                          : quoted(Root->Name) + " returns";
    Message = "mutex " + Name + (OnEveryPath ? " is" : " may") +
              " still " + (OnEveryPath ? "" : "be ") + "held when " + End;
  } else {
    Message = "mutex " + Name + " is still held when returning from " +
              quoted(F.Name) + " here, but released on other paths";
  }
  Finding &Out = report(Severity::Warning, Return, Message, F.Name);
  Out.Locks.push_back(Held.Lock.displayName());
  if (Root)
    Out.Threads.push_back(Root->Name);
  addAcquiredNote(Out, Held.Lock, Held.Site, Held.Chain, "acquired");
}

void LockLeakCheck::handleHeldAtThrow(const FunctionFacts &F,
                                      const HeldFact &Held,
                                      const SourcePos &Throw) {
  Finding &Out = report(Severity::Warning, Throw,
                        "mutex " + quoted(Held.Lock.shortName()) +
                            " is still held when an exception leaves " +
                            quoted(F.Name) + " here",
                        F.Name);
  Out.Locks.push_back(Held.Lock.displayName());
  addAcquiredNote(Out, Held.Lock, Held.Site, Held.Chain, "acquired");
}

} // namespace lockgraph
