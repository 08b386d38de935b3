//===- TestFacts.h - Builders for hand-written facts in unit tests --------===//
//
// Unit tests describe a function as the extractor would lower it: blocks of
// events with successor edges. These builders keep a test's facts as short
// as the C++ they stand for. Lines of SourcePos are the only thing tests
// compare sites by, so every builder takes the line it happens on.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_UNITTESTS_TESTFACTS_H
#define LOCKGRAPH_UNITTESTS_TESTFACTS_H

#include "model/Facts.h"

#include <cassert>
#include <string>
#include <utility>
#include <vector>

namespace lockgraph {
namespace test {

inline SourcePos at(unsigned Line, unsigned Column = 3,
                    std::string File = "t.cpp") {
  SourcePos P;
  P.File = std::move(File);
  P.Line = Line;
  P.Column = Column;
  return P;
}

/// A global lock `Name` (qualified, as the extractor names globals).
inline LockRef global(const std::string &Name,
                      LockKind Kind = LockKind::Mutex) {
  LockRef L;
  L.Root = RootKind::Global;
  L.Base = Name;
  L.Kind = Kind;
  L.Spelling = Name;
  return L;
}

/// `this->Field`, Field qualified by its class ("Account::mu_").
inline LockRef thisField(const std::string &Field,
                         LockKind Kind = LockKind::Mutex) {
  LockRef L;
  L.Root = RootKind::This;
  L.Path = {Field};
  L.Kind = Kind;
  L.Spelling = Field.substr(Field.rfind(':') + 1);
  return L;
}

/// Parameter \p Index itself, as the prefix of a call argument or a bare
/// mutex parameter.
inline LockRef param(unsigned Index, LockKind Kind = LockKind::Mutex) {
  LockRef L;
  L.Root = RootKind::Param;
  L.Base = std::to_string(Index);
  L.Kind = Kind;
  L.Spelling = "p" + std::to_string(Index);
  return L;
}

/// `pIndex->Field`.
inline LockRef paramField(unsigned Index, const std::string &Field,
                          LockKind Kind = LockKind::Mutex) {
  LockRef L = param(Index, Kind);
  L.Path = {Field};
  L.Spelling =
      "p" + std::to_string(Index) + "->" + Field.substr(Field.rfind(':') + 1);
  return L;
}

/// A lock the extractor could not resolve.
inline LockRef unknownLock(const std::string &Spelling) {
  LockRef L;
  L.Root = RootKind::Unknown;
  L.Kind = LockKind::Mutex;
  L.Spelling = Spelling;
  return L;
}

/// The `this` root alone, as the argument for a callee's `this`.
inline LockRef thisRoot() {
  LockRef L;
  L.Root = RootKind::This;
  L.Spelling = "this";
  return L;
}

inline Event event(Event::KindTy Kind, unsigned Line) {
  Event E;
  E.Kind = Kind;
  E.Site = at(Line);
  return E;
}

inline Event acquire(const LockRef &L, unsigned Line, int Guard = -1) {
  Event E = event(Event::Acquire, Line);
  E.Locks = {L};
  E.Guard = Guard;
  return E;
}

inline Event acquireShared(const LockRef &L, unsigned Line) {
  Event E = acquire(L, Line);
  E.Mode = AccessMode::Shared;
  return E;
}

/// std::lock(A, B) / std::scoped_lock(A, B).
inline Event acquireTogether(std::vector<LockRef> Locks, unsigned Line,
                             int Guard = -1) {
  Event E = event(Event::Acquire, Line);
  E.Locks = std::move(Locks);
  E.Together = true;
  E.Guard = Guard;
  return E;
}

inline Event release(const LockRef &L, unsigned Line) {
  Event E = event(Event::Release, Line);
  E.Locks = {L};
  return E;
}

inline Event tryAcquire(const LockRef &L, int TryId, unsigned Line) {
  Event E = event(Event::TryAcquire, Line);
  E.Locks = {L};
  E.TryId = TryId;
  return E;
}

/// A guard constructed with defer_lock (\p Owns false) or adopt_lock.
inline Event guardBind(const LockRef &L, int Guard, bool Owns, unsigned Line) {
  Event E = event(Event::GuardBind, Line);
  E.Locks = {L};
  E.Guard = Guard;
  E.Owns = Owns;
  return E;
}

/// GuardLock, GuardUnlock, GuardDrop or GuardDestroy of \p Guard.
inline Event guardOp(Event::KindTy Kind, int Guard, unsigned Line) {
  Event E = event(Kind, Line);
  E.Guard = Guard;
  return E;
}

inline Event guardMove(int From, int To, unsigned Line) {
  Event E = event(Event::GuardMove, Line);
  E.Guard = From;
  E.Guard2 = To;
  return E;
}

inline std::string usrOf(const std::string &Name) { return "c:@F@" + Name; }

inline Event call(const std::string &Callee, unsigned Line,
                  std::vector<std::pair<int, LockRef>> Args = {}) {
  Event E = event(Event::Call, Line);
  E.Callee = usrOf(Callee);
  E.CalleeName = Callee;
  E.Args = std::move(Args);
  return E;
}

inline Event spawn(const std::string &Callee, unsigned Line) {
  Event E = event(Event::Spawn, Line);
  E.Callee = usrOf(Callee);
  E.CalleeName = Callee;
  return E;
}

inline Block block(std::vector<Event> Events, std::vector<int> Succs) {
  Block B;
  B.Events = std::move(Events);
  B.Succs = std::move(Succs);
  return B;
}

/// A block ending in `return` at \p ReturnLine, leading to block \p Exit.
inline Block returnBlock(std::vector<Event> Events, int Exit,
                         unsigned ReturnLine) {
  Block B = block(std::move(Events), {Exit});
  B.ReturnSite = at(ReturnLine);
  return B;
}

/// As returnBlock, returning the constant \p Value.
inline Block returnValue(std::vector<Event> Events, int Exit,
                         unsigned ReturnLine, long long Value) {
  Block B = returnBlock(std::move(Events), Exit, ReturnLine);
  B.HasReturnValue = true;
  B.ReturnValue = Value;
  return B;
}

/// The empty exit block every function ends with.
inline Block exitBlock() { return Block(); }

/// A function whose entry is block 0 and whose exit is the last block.
inline FunctionFacts function(const std::string &Name,
                              std::vector<Block> Blocks) {
  assert(!Blocks.empty() && Blocks.back().Succs.empty() &&
         "the last block is the exit");
  FunctionFacts F;
  F.Usr = usrOf(Name);
  F.Name = Name;
  F.Loc = at(1, 1);
  F.EndLoc = at(99, 1);
  F.Entry = 0;
  F.Exit = int(Blocks.size()) - 1;
  F.Blocks = std::move(Blocks);
  return F;
}

/// A function of one block of \p Events that returns at \p ReturnLine.
inline FunctionFacts straightLine(const std::string &Name,
                                  std::vector<Event> Events,
                                  unsigned ReturnLine = 90) {
  return function(Name,
                  {returnBlock(std::move(Events), 1, ReturnLine), exitBlock()});
}

/// `if (...) { Then } else { Else }` then \p After, returning at
/// \p ReturnLine: blocks 0 (branch), 1 (then), 2 (else), 3 (join), 4 (exit).
inline FunctionFacts diamond(const std::string &Name, std::vector<Event> Then,
                             std::vector<Event> Else,
                             std::vector<Event> After = {},
                             unsigned ReturnLine = 90) {
  return function(Name,
                  {block({}, {1, 2}), block(std::move(Then), {3}),
                   block(std::move(Else), {3}),
                   returnBlock(std::move(After), 4, ReturnLine), exitBlock()});
}

} // namespace test
} // namespace lockgraph

#endif
