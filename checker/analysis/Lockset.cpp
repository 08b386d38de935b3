//===- Lockset.cpp - The locks held at one program point ------------------===//
#include "analysis/Lockset.h"

#include <algorithm>

namespace lockgraph {

template <typename T> static T *findIn(std::vector<T> &V, const std::string &K) {
  auto It = std::lower_bound(V.begin(), V.end(), K,
                             [](const T &F, const std::string &Key) {
                               return F.Key < Key;
                             });
  return It != V.end() && It->Key == K ? &*It : nullptr;
}

template <typename T> static void insertIn(std::vector<T> &V, T F) {
  auto It = std::lower_bound(
      V.begin(), V.end(), F.Key,
      [](const T &X, const std::string &Key) { return X.Key < Key; });
  if (It != V.end() && It->Key == F.Key)
    *It = std::move(F);
  else
    V.insert(It, std::move(F));
}

template <typename T> static void eraseIn(std::vector<T> &V, const std::string &K) {
  V.erase(std::remove_if(V.begin(), V.end(),
                         [&](const T &F) { return F.Key == K; }),
          V.end());
}

HeldFact *Lockset::find(const std::string &Key) { return findIn(Held, Key); }
ReleaseFact *Lockset::findReleased(const std::string &Key) {
  return findIn(Released, Key);
}
void Lockset::add(HeldFact F) { insertIn(Held, std::move(F)); }
void Lockset::remove(const std::string &Key) { eraseIn(Held, Key); }
void Lockset::noteRelease(ReleaseFact R) { insertIn(Released, std::move(R)); }
void Lockset::forgetRelease(const std::string &Key) { eraseIn(Released, Key); }

void Lockset::notePassed(const std::string &Key) {
  auto It = std::lower_bound(Passed.begin(), Passed.end(), Key);
  if (It == Passed.end() || *It != Key)
    Passed.insert(It, Key);
}
bool Lockset::passed(const std::string &Key) const {
  return std::binary_search(Passed.begin(), Passed.end(), Key);
}

/// Merges two sorted fact lists; facts on one side only become "may".
template <typename T, typename MergeFn>
static std::vector<T> mergeFacts(const std::vector<T> &A,
                                 const std::vector<T> &B, MergeFn Merge) {
  std::vector<T> Out;
  size_t I = 0, J = 0;
  while (I < A.size() || J < B.size()) {
    if (J == B.size() || (I < A.size() && A[I].Key < B[J].Key)) {
      Out.push_back(A[I++]);
      Out.back().Must = false;
    } else if (I == A.size() || B[J].Key < A[I].Key) {
      Out.push_back(B[J++]);
      Out.back().Must = false;
    } else {
      Out.push_back(Merge(A[I++], B[J++]));
    }
  }
  return Out;
}

void Lockset::join(const Lockset &Other) {
  if (!Other.Reachable)
    return;
  if (!Reachable) {
    *this = Other;
    return;
  }
  // A fact one side lacks because that side released it.
  auto MarkReleased = [](std::vector<HeldFact> &Facts, const Lockset &Mine,
                         const Lockset &Theirs) {
    for (HeldFact &F : Facts)
      if (!findIn(const_cast<std::vector<HeldFact> &>(Theirs.Held), F.Key) &&
          findIn(const_cast<std::vector<ReleaseFact> &>(Theirs.Released),
                 F.Key))
        F.MaybeReleased = true;
    (void)Mine;
  };
  MarkReleased(Held, *this, Other);
  std::vector<HeldFact> OtherHeld = Other.Held;
  MarkReleased(OtherHeld, Other, *this);
  Held = mergeFacts(Held, OtherHeld, [](HeldFact X, const HeldFact &Y) {
    X.Must = X.Must && Y.Must;
    X.Count = std::min(X.Count, Y.Count);
    // Exclusive on one path: conflicts with any later acquisition.
    if (X.Mode != Y.Mode)
      X.Mode = AccessMode::Exclusive;
    if (Y.Site < X.Site) {
      X.Site = Y.Site;
      X.Chain = Y.Chain;
    }
    if (X.TryId != Y.TryId)
      X.TryId = -1;
    if (X.Guard != Y.Guard)
      X.Guard = std::max(X.Guard, Y.Guard);
    X.Unmanaged = X.Unmanaged || Y.Unmanaged;
    X.Entry = X.Entry || Y.Entry;
    X.MaybeReleased = X.MaybeReleased || Y.MaybeReleased;
    return X;
  });
  Released = mergeFacts(Released, Other.Released,
                        [](ReleaseFact X, const ReleaseFact &Y) {
                          X.Must = X.Must && Y.Must;
                          // Released without holding it on some path: a
                          // thread entry's bug on that path.
                          X.Entry = X.Entry || Y.Entry;
                          if (Y.Site < X.Site) {
                            X.Site = Y.Site;
                            X.Chain = Y.Chain;
                          }
                          return X;
                        });
  // A guard known on one side only does not own on every path.
  for (auto &[Slot, G] : Guards)
    if (!Other.Guards.count(Slot))
      G.Owns = false;
  for (const auto &[Slot, G] : Other.Guards) {
    auto [It, New] = Guards.emplace(Slot, G);
    if (New)
      It->second.Owns = false;
    else
      It->second.Owns = It->second.Owns && G.Owns;
  }
  std::vector<std::string> Common;
  std::set_intersection(Passed.begin(), Passed.end(), Other.Passed.begin(),
                        Other.Passed.end(), std::back_inserter(Common));
  Passed = std::move(Common);
  for (const RunningFact &R : Other.Running)
    addRunning(R);
  std::vector<std::string> All;
  std::set_union(JoinedAll.begin(), JoinedAll.end(), Other.JoinedAll.begin(),
                 Other.JoinedAll.end(), std::back_inserter(All));
  JoinedAll = std::move(All);
  Running.erase(std::remove_if(Running.begin(), Running.end(),
                               [&](const RunningFact &R) {
                                 return std::binary_search(JoinedAll.begin(),
                                                           JoinedAll.end(),
                                                           R.Object);
                               }),
                Running.end());
  // Joinable on one side only: joinable on some paths.
  for (JoinableFact &J : Joinable)
    if (!Other.joinable(J.Key))
      J.Must = false;
  for (const JoinableFact &J : Other.Joinable) {
    if (const JoinableFact *Mine = joinable(J.Key)) {
      const_cast<JoinableFact *>(Mine)->Must = Mine->Must && J.Must;
      continue;
    }
    JoinableFact Copy = J;
    Copy.Must = false;
    setJoinable(std::move(Copy));
  }
}

void Lockset::addRunning(RunningFact R) {
  auto It = std::lower_bound(
      Running.begin(), Running.end(), R,
      [](const RunningFact &A, const RunningFact &B) { return A.Id < B.Id; });
  if (It != Running.end() && It->Id == R.Id)
    return;
  Running.insert(It, std::move(R));
}

void Lockset::setJoinable(JoinableFact J) {
  auto It = std::lower_bound(
      Joinable.begin(), Joinable.end(), J,
      [](const JoinableFact &A, const JoinableFact &B) { return A.Key < B.Key; });
  if (It != Joinable.end() && It->Key == J.Key)
    *It = std::move(J);
  else
    Joinable.insert(It, std::move(J));
}

void Lockset::dropJoinable(const std::string &Key) {
  Joinable.erase(std::remove_if(Joinable.begin(), Joinable.end(),
                                [&](const JoinableFact &J) { return J.Key == Key; }),
                 Joinable.end());
}

const JoinableFact *Lockset::joinable(const std::string &Key) const {
  for (const JoinableFact &J : Joinable)
    if (J.Key == Key)
      return &J;
  return nullptr;
}

bool Lockset::operator==(const Lockset &O) const {
  if (Reachable != O.Reachable || Held.size() != O.Held.size() ||
      Released.size() != O.Released.size() || Guards.size() != O.Guards.size() ||
      Passed != O.Passed || Running != O.Running || Joinable != O.Joinable ||
      JoinedAll != O.JoinedAll)
    return false;
  for (size_t I = 0; I < Held.size(); ++I) {
    const HeldFact &A = Held[I], &B = O.Held[I];
    if (A.Key != B.Key || A.Must != B.Must || A.Count != B.Count ||
        A.Guard != B.Guard || A.TryId != B.TryId || !(A.Site == B.Site) ||
        A.Unmanaged != B.Unmanaged || A.Entry != B.Entry ||
        A.MaybeReleased != B.MaybeReleased)
      return false;
  }
  for (size_t I = 0; I < Released.size(); ++I) {
    const ReleaseFact &A = Released[I], &B = O.Released[I];
    if (A.Key != B.Key || A.Must != B.Must || A.Entry != B.Entry ||
        !(A.Site == B.Site))
      return false;
  }
  for (auto I = Guards.begin(), J = O.Guards.begin(); I != Guards.end();
       ++I, ++J)
    if (I->first != J->first || I->second.Owns != J->second.Owns)
      return false;
  return true;
}

} // namespace lockgraph
