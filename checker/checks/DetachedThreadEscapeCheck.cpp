//===- DetachedThreadEscapeCheck.cpp - Detached threads using locals ------===//
#include "checks/DetachedThreadEscapeCheck.h"

namespace lockgraph {

namespace {

/// The variable a local location belongs to: "name" of "f::name@12".
std::string localName(const LockRef &L) {
  std::string Base = L.Base;
  if (auto Sep = Base.rfind("::"); Sep != std::string::npos)
    Base = Base.substr(Sep + 2);
  if (auto At = Base.rfind('@'); At != std::string::npos)
    Base = Base.substr(0, At);
  return Base;
}

} // namespace

void DetachedThreadEscapeCheck::handleDetachedEscape(
    const FunctionFacts &F, const SourcePos &Spawn, const std::string &Entry,
    const LockRef &Local, const SourcePos &Use) {
  std::string Var = quoted(localName(Local));
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
