//===- UnguardedSharedStateCheck.cpp - Accesses that may race -------------===//
#include "checks/UnguardedSharedStateCheck.h"

#include <algorithm>

namespace lockgraph {

namespace {

/// A lock as the reader knows it: `mu_`, or `sync_._mutex` for the mutex
/// inside a wrapper member, so two wrappers' mutexes read differently.
std::string lockLabel(const LockRef &L) {
  if (L.Path.size() < 2)
    return L.shortName();
  std::string Out;
  for (const std::string &Step : L.Path) {
    std::string::size_type Sep = Step.rfind("::");
    Out += (Out.empty() ? "" : ".") +
           (Sep == std::string::npos ? Step : Step.substr(Sep + 2));
  }
  return Out;
}

std::string lockList(const std::vector<LockRef> &Locks) {
  std::vector<std::string> Names;
  for (const LockRef &L : Locks)
    Names.push_back(quoted(lockLabel(L)));
  std::sort(Names.begin(), Names.end());
  Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
  std::string Out;
  for (size_t I = 0; I < Names.size(); ++I)
    Out += (I ? ", " : "") + Names[I];
  return Out;
}

std::string holding(const std::vector<LockRef> &Held) {
  return Held.empty() ? "with no lock held" : "holding " + lockList(Held);
}

} // namespace

void UnguardedSharedStateCheck::handleRace(const RaceFinding &Race) {
  const AccessWitness &A = Race.First;
  std::string What = quoted(A.Loc.shortName());
  if (Race.Kind == RaceFinding::Annotation) {
    if (!Seen.insert({"annotation", A.Site, A.Site}).second)
      return;
    Finding &Out = report(Severity::Warning, A.Site,
                          std::string(A.Write ? "writing " : "reading ") +
                              What + " requires holding " +
                              lockList(Race.Required) +
                              ", which is not held here",
                          A.Thread);
    for (const LockRef &L : Race.Required)
      Out.Locks.push_back(L.displayName());
    addChainNotes(Out, A.Chain);
    return;
  }
  const AccessWitness &B = Race.Second;
  // One finding per unguarded site and location; its note names the first
  // conflicting access found.
  if (!Seen.insert({A.Loc.className() + "|" + A.Loc.shortName(), A.Site,
                    SourcePos()})
           .second)
    return;
  std::string Message;
  if (Race.Kind == RaceFinding::Library)
    Message = std::string(A.Write ? "writing " : "reading ") + What + " " +
              holding(A.Held) + " in '" + A.Thread + "' races with " +
              (B.Write ? "a write" : "a read") + " in '" + B.Thread +
              "' " + holding(B.Held) +
              " when they are called from different threads";
  else
    Message = std::string(A.Write ? "writing " : "reading ") + What + " " +
              holding(A.Held) + " in thread '" + A.Thread + "' races with " +
              (B.Write ? "a write" : "a read") + " in thread '" + B.Thread +
              "' " + holding(B.Held);
  Finding &Out = report(Severity::Warning, A.Site, Message, A.Thread);
  Out.Threads.push_back(A.Thread);
  if (B.Thread != A.Thread)
    Out.Threads.push_back(B.Thread);
  addChainNotes(Out, A.Chain);
  addChainNotes(Out, B.Chain);
  addNote(Out, B.Site,
          std::string("conflicting ") + (B.Write ? "write" : "read") +
              " of " + What + " " + holding(B.Held));
  if (Race.Kind == RaceFinding::Library) {
    addNote(Out, A.ThreadStart,
            "'" + A.Thread + "' is a public method of a class that locks");
    if (B.ThreadStart != A.ThreadStart)
      addNote(Out, B.ThreadStart,
              "'" + B.Thread + "' is a public method of the same class");
    return;
  }
  addNote(Out, A.ThreadStart, "thread '" + A.Thread + "' starts here");
  if (B.ThreadStart.valid() && B.ThreadStart != A.ThreadStart)
    addNote(Out, B.ThreadStart, "thread '" + B.Thread + "' starts here");
  else if (B.ThreadStart == A.ThreadStart && A.ThreadStart.valid())
    addNote(Out, A.ThreadStart,
            "more than one thread runs '" + A.Thread + "'");
}

} // namespace lockgraph
