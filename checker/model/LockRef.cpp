//===- LockRef.cpp - Canonical identity of a lock -------------------------===//
#include "model/LockRef.h"

namespace lockgraph {

const char *lockKindName(LockKind K) {
  switch (K) {
  case LockKind::Mutex:
    return "mutex";
  case LockKind::RecursiveMutex:
    return "recursive_mutex";
  case LockKind::SharedMutex:
    return "shared_mutex";
  case LockKind::Unknown:
    return "unknown";
  }
  return "unknown";
}

bool LockRef::isPrecise() const {
  if (Root == RootKind::Unknown)
    return false;
  for (const std::string &P : Path)
    if (P == "[]")
      return false;
  return true;
}

std::string LockRef::key() const {
  std::string K;
  switch (Root) {
  case RootKind::Global:
    K = "G:" + Base;
    break;
  case RootKind::This:
    K = "T:";
    break;
  case RootKind::Param:
    K = "P" + Base + ":";
    break;
  case RootKind::Local:
    K = "L:" + Base;
    break;
  case RootKind::Unknown:
    K = "U:" + Spelling;
    break;
  }
  for (const std::string &P : Path)
    K += "/" + P;
  return K;
}

std::string LockRef::declName() const {
  if (!Path.empty()) {
    // The innermost named field; "[]" steps belong to the field before.
    for (auto It = Path.rbegin(); It != Path.rend(); ++It)
      if (*It != "[]")
        return *It;
  }
  switch (Root) {
  case RootKind::Global:
    return Base;
  case RootKind::Local:
    // "fn::name@offset": the offset keeps two locals of one name apart.
    return Base.substr(0, Base.rfind('@'));
  case RootKind::This:
  case RootKind::Param:
  case RootKind::Unknown:
    return "";
  }
  return "";
}

static std::string unqualified(const std::string &Field) {
  std::string::size_type Colon = Field.rfind("::");
  return Colon == std::string::npos ? Field : Field.substr(Colon + 2);
}

std::string LockRef::className() const {
  std::string Name;
  size_t First = 0;
  switch (Root) {
  case RootKind::Global:
    Name = Base;
    break;
  case RootKind::Local:
    Name = Base.substr(0, Base.rfind('@'));
    break;
  case RootKind::This:
  case RootKind::Param:
  case RootKind::Unknown:
    // Any object of the class: the first field, qualified by its class.
    if (Path.empty())
      return "";
    Name = Path.front();
    First = 1;
    break;
  }
  for (size_t I = First; I < Path.size(); ++I)
    Name += Path[I] == "[]" ? "[]" : "." + unqualified(Path[I]);
  return Name;
}

std::string LockRef::displayName() const {
  std::string C = className();
  return C.empty() ? Spelling : C;
}

std::string LockRef::shortName() const {
  std::string C = declName();
  if (C.empty())
    return Spelling;
  std::string::size_type At = C.find('@');
  if (At != std::string::npos)
    C = C.substr(0, At);
  std::string::size_type Colon = C.rfind("::");
  return Colon == std::string::npos ? C : C.substr(Colon + 2);
}

LockRef LockRef::rebase(const LockRef &Prefix) const {
  LockRef R = Prefix;
  R.Path.insert(R.Path.end(), Path.begin(), Path.end());
  R.Kind = Kind;
  R.Spelling = Spelling;
  return R;
}

std::string LockRef::localOwner() const {
  if (Root != RootKind::Local)
    return "";
  std::string::size_type Sep = Base.rfind("::");
  return Sep == std::string::npos ? "" : Base.substr(0, Sep);
}

std::string LockRef::localName() const {
  if (Root != RootKind::Local)
    return "";
  std::string Name = Base;
  if (std::string::size_type Sep = Name.rfind("::"); Sep != std::string::npos)
    Name = Name.substr(Sep + 2);
  if (std::string::size_type At = Name.rfind('@'); At != std::string::npos)
    Name = Name.substr(0, At);
  return Name;
}

} // namespace lockgraph
