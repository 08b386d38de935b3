//===- DetachedThreadEscapeCheck.cpp - Detached threads using locals ------===//
#include "checks/DetachedThreadEscapeCheck.h"

namespace lockgraph {

void DetachedThreadEscapeCheck::handleDetachedEscape(
    const FunctionFacts &F, const SourcePos &Spawn, const std::string &Entry,
    const LockRef &Local, const SourcePos &Use) {
  std::string Var = quoted(Local.localName());
  Finding &Out = report(Severity::Warning, Spawn,
                        "detached thread '" + Entry + "' refers to " + Var +
                            ", a local of '" + F.Name +
                            "' that ends when it returns, maybe before the "
                            "thread does",
                        F.Name);
  Out.Threads.push_back(Entry);
  addNote(Out, Use, Var + " used by the thread here");
}

} // namespace lockgraph
