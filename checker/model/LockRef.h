//===- LockRef.h - Canonical identity of a lock ---------------------------===//
//
// A lock is named by where it lives, never by the expression that spelled
// it: a root (a global, the enclosing object `this`, a parameter, a local,
// or unknown) followed by a path of fields. `this->mu_`, `mu_` and
// `self->mu_` are one lock; `a.mu_` and `b.mu_` are two instances of one
// lock *class* ("Account::mu_"). Roots that are parameters or `this` are
// substituted with the caller's expressions at call sites.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_MODEL_LOCKREF_H
#define LOCKGRAPH_MODEL_LOCKREF_H

#include <cstdint>
#include <string>
#include <vector>

namespace lockgraph {

/// What a lock does when its holder acquires it again.
enum class LockKind : uint8_t {
  Mutex,          ///< Non-recursive: re-acquisition deadlocks (or is UB).
  RecursiveMutex, ///< Re-acquisition by the holder is fine.
  SharedMutex,    ///< Reader/writer lock; non-recursive in either mode.
  Unknown,        ///< A user type we know only as "a lock".
};

const char *lockKindName(LockKind K);

enum class RootKind : uint8_t { Global, This, Param, Local, Unknown };

struct LockRef {
  RootKind Root = RootKind::Unknown;
  /// Global: qualified name; Local: "function::name@offset";
  /// Param: the parameter index in decimal; This/Unknown: empty.
  std::string Base;
  /// Field components, each qualified by its class ("Account::mu_"); "[]"
  /// stands for an array element or any other unresolvable step.
  std::vector<std::string> Path;
  LockKind Kind = LockKind::Unknown;
  /// How the lock was spelled at the site, for messages ("mu_", "a.mu").
  std::string Spelling;

  bool isUnknown() const { return Root == RootKind::Unknown; }
  /// True when the reference names one object for sure: no unknown root and
  /// no array element on the path. Only precise locks yield definite bugs.
  bool isPrecise() const;
  /// Identity within one function frame; equal keys are the same lock.
  std::string key() const;
  /// The lock class used as a node of the global lock-order graph: the
  /// field path from any object of the first field's class
  /// ("Account::mu_", "Ctx::slots.m_" for a wrapper member), or from the
  /// global or local variable ("g_ctx.slots.m"); empty when the frame alone
  /// cannot name it (a bare parameter).
  std::string className() const;
  /// The declaration of the lock object itself: the innermost field
  /// ("Mutex::m_") or the variable. Recursive-ness is a property of it.
  std::string declName() const;
  /// Human-readable identity for reports ("Account::mu_", "g_mu").
  std::string displayName() const;
  /// The short name used in messages: the innermost field or the variable,
  /// unqualified ("mu_"); the spelling when nothing better is known.
  std::string shortName() const;

  /// For a Local root: the function that owns the variable ("f" of
  /// "f::name@12") and the variable's name ("name"); empty otherwise.
  std::string localOwner() const;
  std::string localName() const;

  /// Returns this reference seen from a caller: \p Prefix replaces the root
  /// (a `this` or parameter root), and this path is appended to it.
  LockRef rebase(const LockRef &Prefix) const;
};

} // namespace lockgraph

#endif
