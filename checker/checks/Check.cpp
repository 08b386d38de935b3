//===- Check.cpp - Base class of every check ------------------------------===//
#include "checks/Check.h"

namespace lockgraph {

std::string quoted(const std::string &Name) { return "'" + Name + "'"; }

Finding &Check::report(Severity Level, const SourcePos &Pos,
                       std::string Message, const std::string &Function) {
  Sink.emplace_back();
  Finding &F = Sink.back();
  F.Check = Name;
  F.Level = Level;
  F.Pos = Pos;
  F.Message = std::move(Message);
  F.Function = Function;
  return F;
}

void Check::addNote(Finding &F, const SourcePos &Pos, std::string Message) {
  if (!Pos.valid())
    return;
  F.Notes.push_back(FindingNote{Pos, std::move(Message)});
}

void Check::addChainNotes(Finding &F, const CallChain &Chain) {
  for (const CallStep &Step : Chain)
    addNote(F, Step.Site, "via call to " + quoted(Step.Callee));
}

void Check::addAcquiredNote(Finding &F, const LockRef &Lock,
                            const SourcePos &Site, const CallChain &Chain,
                            const std::string &What) {
  addChainNotes(F, Chain);
  addNote(F, Site, quoted(Lock.shortName()) + " " + What + " here");
}

} // namespace lockgraph
