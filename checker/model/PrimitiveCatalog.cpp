//===- PrimitiveCatalog.cpp - Which types and calls are locking primitives ===//
#include "model/PrimitiveCatalog.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace lockgraph {

std::string PrimitiveCatalog::qualifiedName(const NamedDecl *D) {
  std::string Name = D->getQualifiedNameAsString();
  // libc++ and libstdc++ put std types in inline namespaces.
  for (const char *Inline : {"__1::", "__cxx11::", "_V2::"}) {
    std::string::size_type Pos;
    while ((Pos = Name.find(Inline)) != std::string::npos)
      Name.erase(Pos, std::string(Inline).size());
  }
  return Name;
}

static QualType stripIndirections(QualType T) {
  T = T.getNonReferenceType();
  for (;;) {
    if (const auto *PT = T->getAs<PointerType>())
      T = PT->getPointeeType();
    else if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
      T = AT->getElementType();
    else
      return T;
  }
}

/// Walks typedef sugar; C lock types are only known by their typedef names.
static bool typedefNamed(QualType T, LockKind &Kind) {
  const Type *Ty = T.getTypePtr();
  while (Ty) {
    if (const auto *TT = dyn_cast<TypedefType>(Ty)) {
      llvm::StringRef Name = TT->getDecl()->getName();
      if (Name == "pthread_mutex_t" || Name == "pthread_spinlock_t" ||
          Name == "mtx_t") {
        Kind = LockKind::Mutex;
        return true;
      }
      if (Name == "pthread_rwlock_t") {
        Kind = LockKind::SharedMutex;
        return true;
      }
      Ty = TT->desugar().getTypePtr();
    } else if (const auto *ET = dyn_cast<ElaboratedType>(Ty)) {
      Ty = ET->getNamedType().getTypePtr();
    } else {
      return false;
    }
  }
  return false;
}

bool PrimitiveCatalog::isLockType(QualType T, LockKind &Kind) const {
  if (T.isNull())
    return false;
  T = stripIndirections(T);
  if (typedefNamed(T, Kind))
    return true;
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD)
    return false;
  std::string Name = qualifiedName(RD);
  static const std::pair<const char *, LockKind> Known[] = {
      {"std::mutex", LockKind::Mutex},
      {"std::timed_mutex", LockKind::Mutex},
      {"std::recursive_mutex", LockKind::RecursiveMutex},
      {"std::recursive_timed_mutex", LockKind::RecursiveMutex},
      {"std::shared_mutex", LockKind::SharedMutex},
      {"std::shared_timed_mutex", LockKind::SharedMutex},
      {"lockgraph::mutex", LockKind::Mutex},
      {"lockgraph::timed_mutex", LockKind::Mutex},
      {"lockgraph::recursive_mutex", LockKind::RecursiveMutex},
      {"lockgraph::shared_mutex", LockKind::SharedMutex},
  };
  for (const auto &[KnownName, KnownKind] : Known)
    if (Name == KnownName) {
      Kind = KnownKind;
      return true;
    }
  for (const UserConfig::LockType &LT : Config.LockTypes)
    if (Name == LT.Name) {
      Kind = LT.Kind;
      return true;
    }
  if (RD->hasAttr<CapabilityAttr>()) {
    // Clang 19 has no reentrant_capability: capabilities are exclusive.
    Kind = LockKind::Mutex;
    return true;
  }
  return false;
}

GuardKind PrimitiveCatalog::guardKind(QualType T) const {
  if (T.isNull())
    return GuardKind::None;
  const RecordDecl *RD = T.getNonReferenceType()->getAsRecordDecl();
  if (!RD)
    return GuardKind::None;
  std::string Name = qualifiedName(RD);
  if (Name == "std::lock_guard" || Name == "std::scoped_lock")
    return GuardKind::LockGuard;
  if (Name == "std::unique_lock")
    return GuardKind::UniqueLock;
  if (Name == "std::shared_lock")
    return GuardKind::SharedLock;
  if (RD->hasAttr<ScopedLockableAttr>())
    return GuardKind::Scoped;
  for (const std::string &G : Config.GuardTypes)
    if (Name == G)
      return GuardKind::Scoped;
  return GuardKind::None;
}

bool PrimitiveCatalog::isThreadType(QualType T) const {
  if (T.isNull())
    return false;
  const RecordDecl *RD = T.getNonReferenceType()->getAsRecordDecl();
  if (!RD)
    return false;
  std::string Name = qualifiedName(RD);
  return Name == "std::thread" || Name == "std::jthread" ||
         Name == "lockgraph::thread";
}

bool PrimitiveCatalog::isSynchronizedType(QualType T) const {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T.isConstQualified() || T->isAtomicType())
    return true;
  LockKind Kind;
  if (isLockType(T, Kind) || guardKind(T) != GuardKind::None ||
      isThreadType(T))
    return true;
  // C types known by their typedef names.
  for (const Type *Ty = T.getTypePtr(); Ty;) {
    if (const auto *TT = dyn_cast<TypedefType>(Ty)) {
      llvm::StringRef N = TT->getDecl()->getName();
      if (N == "pthread_cond_t" || N == "sem_t" || N == "pthread_once_t" ||
          N == "pthread_barrier_t" || N == "cnd_t" || N == "once_flag" ||
          N == "sig_atomic_t" || N == "pthread_key_t")
        return true;
      Ty = TT->desugar().getTypePtr();
    } else if (const auto *ET = dyn_cast<ElaboratedType>(Ty)) {
      Ty = ET->getNamedType().getTypePtr();
    } else {
      break;
    }
  }
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD)
    return false;
  std::string Name = qualifiedName(RD);
  llvm::StringRef N(Name);
  if (N.starts_with("lockgraph::"))
    return N != "lockgraph::shared";
  return N.starts_with("std::atomic") || N == "std::basic_ostream" ||
         N == "std::basic_istream" || N == "std::basic_iostream" || N == "std::condition_variable" ||
         N == "std::condition_variable_any" || N == "std::future" ||
         N == "std::shared_future" || N == "std::promise" ||
         N == "std::packaged_task" || N == "std::counting_semaphore" ||
         N == "std::binary_semaphore" || N == "std::latch" ||
         N == "std::barrier" || N == "std::once_flag" ||
         N == "std::stop_source" || N == "std::stop_token";
}

BlockingOp PrimitiveCatalog::classifyBlocking(const CallExpr *Call) const {
  BlockingOp Op;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return Op;
  std::string Name = qualifiedName(FD);
  llvm::StringRef Short = FD->getName();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const Expr *Obj = MC->getImplicitObjectArgument();
    const CXXRecordDecl *RD = MC->getRecordDecl();
    if (!Obj || !RD)
      return Op;
    std::string Class = qualifiedName(RD);
    Op.Name = Class + "::" + Short.str();
    if (isThreadType(Obj->getType())) {
      if (Short == "join") {
        Op.Kind = BlockingOp::Join;
        Op.Object = Obj;
      } else if (Short == "detach") {
        Op.Kind = BlockingOp::Detach;
        Op.Object = Obj;
      }
      return Op;
    }
    if ((Class == "std::future" || Class == "std::shared_future" ||
         Class == "lockgraph::future") &&
        (Short == "get" || Short == "wait")) {
      Op.Kind = BlockingOp::Join;
      Op.Object = Obj;
      return Op;
    }
    if ((Class == "std::condition_variable" ||
         Class == "std::condition_variable_any" ||
         Class == "lockgraph::condition_variable") &&
        Short == "wait" && Call->getNumArgs() >= 1) {
      Op.Kind = BlockingOp::CondWait;
      Op.Released = Call->getArg(0);
      return Op;
    }
    if ((Class == "std::counting_semaphore" ||
         Class == "lockgraph::counting_semaphore") &&
        Short == "acquire") {
      Op.Kind = BlockingOp::Semaphore;
      return Op;
    }
    if ((Class == "lockgraph::blocking_queue" &&
         (Short == "get" || Short == "put")) ||
        (Class == "lockgraph::event" && Short == "wait") ||
        (Class == "std::latch" && Short == "wait") ||
        (Class == "std::barrier" && Short == "arrive_and_wait")) {
      Op.Kind = BlockingOp::Queue;
      return Op;
    }
    return Op;
  }
  Op.Name = Name;
  if (Name == "std::this_thread::sleep_for" ||
      Name == "std::this_thread::sleep_until" || Name == "sleep" ||
      Name == "usleep" || Name == "nanosleep" || Name == "clock_nanosleep" ||
      Name == "thrd_sleep") {
    Op.Kind = BlockingOp::Sleep;
  } else if ((Name == "pthread_join" || Name == "thrd_join") &&
             Call->getNumArgs() >= 1) {
    Op.Kind = BlockingOp::Join;
    Op.Object = Call->getArg(0);
  } else if ((Name == "pthread_detach" || Name == "thrd_detach") &&
             Call->getNumArgs() >= 1) {
    Op.Kind = BlockingOp::Detach;
    Op.Object = Call->getArg(0);
  } else if ((Name == "pthread_cond_wait" || Name == "cnd_wait") &&
             Call->getNumArgs() == 2) {
    Op.Kind = BlockingOp::CondWait;
    Op.Released = Call->getArg(1);
  } else if (Name == "sem_wait") {
    Op.Kind = BlockingOp::Semaphore;
  }
  return Op;
}

namespace {
struct FreeFunction {
  const char *Name;
  PrimitiveOp::KindTy Kind;
  AccessMode Mode;
  long long SuccessValue;
};
} // namespace

// Every lock function of pthreads and C11 threads takes the lock first.
static const FreeFunction FreeFunctions[] = {
    {"pthread_mutex_lock", PrimitiveOp::Lock, AccessMode::Exclusive, 0},
    {"pthread_mutex_timedlock", PrimitiveOp::TryLock, AccessMode::Exclusive,
     0},
    {"pthread_mutex_clocklock", PrimitiveOp::TryLock, AccessMode::Exclusive,
     0},
    {"pthread_mutex_trylock", PrimitiveOp::TryLock, AccessMode::Exclusive, 0},
    {"pthread_mutex_unlock", PrimitiveOp::Unlock, AccessMode::Exclusive, 0},
    {"pthread_rwlock_rdlock", PrimitiveOp::Lock, AccessMode::Shared, 0},
    {"pthread_rwlock_wrlock", PrimitiveOp::Lock, AccessMode::Exclusive, 0},
    {"pthread_rwlock_tryrdlock", PrimitiveOp::TryLock, AccessMode::Shared, 0},
    {"pthread_rwlock_trywrlock", PrimitiveOp::TryLock, AccessMode::Exclusive,
     0},
    {"pthread_rwlock_timedrdlock", PrimitiveOp::TryLock, AccessMode::Shared,
     0},
    {"pthread_rwlock_timedwrlock", PrimitiveOp::TryLock,
     AccessMode::Exclusive, 0},
    {"pthread_rwlock_unlock", PrimitiveOp::Unlock, AccessMode::Exclusive, 0},
    {"pthread_spin_lock", PrimitiveOp::Lock, AccessMode::Exclusive, 0},
    {"pthread_spin_trylock", PrimitiveOp::TryLock, AccessMode::Exclusive, 0},
    {"pthread_spin_unlock", PrimitiveOp::Unlock, AccessMode::Exclusive, 0},
    {"mtx_lock", PrimitiveOp::Lock, AccessMode::Exclusive, 0},
    {"mtx_timedlock", PrimitiveOp::TryLock, AccessMode::Exclusive, 0},
    {"mtx_trylock", PrimitiveOp::TryLock, AccessMode::Exclusive, 0},
    {"mtx_unlock", PrimitiveOp::Unlock, AccessMode::Exclusive, 0},
};

PrimitiveOp PrimitiveCatalog::classifyCall(const CallExpr *Call) const {
  PrimitiveOp Op;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const Expr *Obj = MC->getImplicitObjectArgument();
    LockKind Kind;
    if (!MD || !Obj || !MD->getIdentifier() ||
        !isLockType(Obj->getType(), Kind))
      return Op;
    llvm::StringRef Name = MD->getName();
    Op.Kind = llvm::StringSwitch<PrimitiveOp::KindTy>(Name)
                  .Cases("lock", "lock_shared", PrimitiveOp::Lock)
                  .Cases("unlock", "unlock_shared", PrimitiveOp::Unlock)
                  .StartsWith("try_lock", PrimitiveOp::TryLock)
                  .Default(PrimitiveOp::None);
    if (Op.Kind == PrimitiveOp::None)
      return Op;
    Op.Mode = Name.contains("shared") ? AccessMode::Shared
                                      : AccessMode::Exclusive;
    Op.LockExprs.push_back(Obj);
    Op.SuccessValue = 1;
    return Op;
  }

  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return Op;
  std::string Name = qualifiedName(FD);
  if (Name == "std::lock" || Name == "std::try_lock") {
    Op.Kind = Name == "std::lock" ? PrimitiveOp::LockAll
                                  : PrimitiveOp::TryLockAll;
    Op.SuccessValue = -1; // std::try_lock returns -1 when all were locked.
    for (const Expr *Arg : Call->arguments())
      Op.LockExprs.push_back(Arg);
    return Op;
  }
  if (Call->getNumArgs() >= 1 && FD->isExternC()) {
    for (const FreeFunction &F : FreeFunctions)
      if (Name == F.Name) {
        Op.Kind = F.Kind;
        Op.Mode = F.Mode;
        Op.SuccessValue = F.SuccessValue;
        Op.LockExprs.push_back(Call->getArg(0));
        return Op;
      }
  }
  auto FromConfig = [&](const std::vector<UserConfig::LockFunction> &List,
                        PrimitiveOp::KindTy Kind) {
    for (const UserConfig::LockFunction &F : List)
      if (Name == F.Name && F.LockArg < Call->getNumArgs()) {
        Op.Kind = Kind;
        Op.Mode = F.Mode;
        Op.SuccessValue = F.SuccessValue;
        Op.LockExprs.push_back(Call->getArg(F.LockArg));
        return true;
      }
    return false;
  };
  if (FromConfig(Config.LockFunctions, PrimitiveOp::Lock) ||
      FromConfig(Config.UnlockFunctions, PrimitiveOp::Unlock) ||
      FromConfig(Config.TryLockFunctions, PrimitiveOp::TryLock))
    return Op;
  return Op;
}

bool PrimitiveCatalog::classifySpawn(const Expr *E, SpawnSite &Out) const {
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (!isThreadType(CE->getType()) || CE->getNumArgs() == 0)
      return false;
    const Expr *First = CE->getArg(0);
    if (isThreadType(First->getType())) // Move construction.
      return false;
    Out.Entry = First;
    for (unsigned I = 1; I < CE->getNumArgs(); ++I)
      Out.EntryArgs.push_back(CE->getArg(I));
    return true;
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return false;
  // The lockgraph runtime's pool: submit(f, args...) runs f on a worker,
  // map(f, range) runs f once per element, on several workers at once.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    if (const CXXRecordDecl *RD = MC->getRecordDecl();
        RD && qualifiedName(RD) == "lockgraph::thread_pool" &&
        MC->getMethodDecl() && MC->getMethodDecl()->getIdentifier() &&
        Call->getNumArgs() >= 1) {
      llvm::StringRef N = MC->getMethodDecl()->getName();
      if (N != "submit" && N != "map")
        return false;
      Out.Entry = Call->getArg(0);
      for (unsigned I = 1; I < Call->getNumArgs(); ++I)
        if (N == "submit")
          Out.EntryArgs.push_back(Call->getArg(I));
      Out.Pool = MC->getImplicitObjectArgument();
      Out.Many = N == "map";
      return true;
    }
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return false;
  std::string Name = qualifiedName(FD);
  if (Name == "thrd_create" && Call->getNumArgs() == 3) {
    Out.Handle = Call->getArg(0);
    Out.Entry = Call->getArg(1);
    Out.EntryArgs.push_back(Call->getArg(2));
    return true;
  }
  if (Name == "pthread_create" && Call->getNumArgs() == 4) {
    Out.Handle = Call->getArg(0);
    Out.Entry = Call->getArg(2);
    Out.EntryArgs.push_back(Call->getArg(3));
    return true;
  }
  if (Name == "std::async" && Call->getNumArgs() >= 1) {
    unsigned First = 0;
    if (const RecordDecl *RD = Call->getArg(0)->getType()->getAsRecordDecl();
        !RD) {
      // std::launch is an enum: skip the policy argument. A deferred task
      // runs in the thread that waits for it.
      if (Call->getArg(0)->getType()->isEnumeralType()) {
        First = 1;
        if (const auto *DRE = dyn_cast<DeclRefExpr>(
                Call->getArg(0)->IgnoreParenImpCasts()))
          if (DRE->getDecl()->getName() == "deferred")
            return false;
      }
    }
    if (First >= Call->getNumArgs())
      return false;
    Out.Entry = Call->getArg(First);
    for (unsigned I = First + 1; I < Call->getNumArgs(); ++I)
      Out.EntryArgs.push_back(Call->getArg(I));
    return true;
  }
  for (const UserConfig::SpawnFunction &S : Config.SpawnFunctions)
    if (Name == S.Name && S.EntryArg < Call->getNumArgs()) {
      Out.Entry = Call->getArg(S.EntryArg);
      if (S.DataArg >= 0 && unsigned(S.DataArg) < Call->getNumArgs())
        Out.EntryArgs.push_back(Call->getArg(S.DataArg));
      return true;
    }
  return false;
}

} // namespace lockgraph
