//===- ThreadNotJoinedCheck.cpp - A std::thread destroyed while joinable --===//
#include "checks/ThreadNotJoinedCheck.h"

namespace lockgraph {

void ThreadNotJoinedCheck::handleThreadNotJoined(const FunctionFacts &F,
                                                 const JoinableFact &Thread,
                                                 const SourcePos &Where,
                                                 bool Reassigned) {
  std::string Name = quoted(Thread.Object.Spelling.empty()
                                ? Thread.Object.shortName()
                                : Thread.Object.Spelling);
  Finding &Out = report(
      Thread.Must ? Severity::Error : Severity::Warning, Thread.Start,
      "thread " + Name + " " + (Thread.Must ? "is" : "may be") + " " +
          (Reassigned ? "assigned a new thread" : "destroyed") +
          " while joinable, which calls std::terminate",
      F.Name);
  addNote(Out, Where,
          std::string(Reassigned ? "assigned here" : "destroyed here") +
              (Thread.Must ? " without join() or detach()"
                           : "; join() or detach() is skipped on some paths"));
}

} // namespace lockgraph
