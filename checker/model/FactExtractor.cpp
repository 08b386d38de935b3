//===- FactExtractor.cpp - Lower a translation unit's functions to facts --===//
#include "model/FactExtractor.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <set>

using namespace clang;

namespace lockgraph {
namespace {

/// Positions, USRs and names: the translation from Clang's world to facts.
class SiteMapper {
public:
  explicit SiteMapper(ASTContext &Ctx) : Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  SourcePos pos(SourceLocation Loc) {
    SourcePos P;
    if (Loc.isInvalid())
      return P;
    Loc = SM.getExpansionLoc(Loc);
    FileID FID = SM.getFileID(Loc);
    auto It = Paths.find(FID);
    if (It == Paths.end()) {
      llvm::SmallString<256> Path(SM.getFilename(Loc));
      if (!Path.empty()) {
        // Relative to the compile command's directory, not ours.
        SM.getFileManager().makeAbsolutePath(Path);
        llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      }
      It = Paths.try_emplace(FID, std::string(Path)).first;
    }
    P.File = It->second;
    P.Line = SM.getExpansionLineNumber(Loc);
    P.Column = SM.getExpansionColumnNumber(Loc);
    return P;
  }

  static std::string usr(const Decl *D) {
    llvm::SmallString<128> Buf;
    if (index::generateUSRForDecl(D, Buf))
      return "";
    return std::string(Buf);
  }

  std::string spelling(const Expr *E) {
    CharSourceRange R = CharSourceRange::getTokenRange(E->getSourceRange());
    llvm::StringRef Text =
        Lexer::getSourceText(R, SM, Ctx.getLangOpts());
    std::string S = Text.str();
    // Collapse whitespace so multi-line spellings stay readable.
    std::string Out;
    for (char C : S) {
      if (C == '\n' || C == '\t' || C == '\r')
        C = ' ';
      if (C == ' ' && !Out.empty() && Out.back() == ' ')
        continue;
      Out += C;
    }
    return Out;
  }

  bool inSystemHeader(SourceLocation Loc) const {
    return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
  }

  ASTContext &Ctx;
  SourceManager &SM;

private:
  llvm::DenseMap<FileID, std::string> Paths;
};

static const Expr *strip(const Expr *E) {
  for (;;) {
    const Expr *Prev = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    if (const auto *EC = dyn_cast<ExprWithCleanups>(E))
      E = EC->getSubExpr();
    // Explicit casts keep the object: `((Worker *)arg)->mu` is arg's mu.
    if (const auto *EC = dyn_cast<ExplicitCastExpr>(E))
      E = EC->getSubExpr();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
      if (CE->getNumArgs() == 1 && CE->getConstructor() &&
          (CE->getConstructor()->isCopyOrMoveConstructor()))
        E = CE->getArg(0);
    if (E == Prev)
      return E;
  }
}

/// Resolves an expression denoting a lock (or an object that contains
/// locks) to its canonical LockRef, relative to the function \p Frame.
class LockResolver {
public:
  LockResolver(SiteMapper &Sites, const PrimitiveCatalog &Catalog)
      : Sites(Sites), Catalog(Catalog) {}

  void setFrame(const FunctionDecl *F) {
    Frame = F;
    Aliases.clear();
  }
  /// `T &r = expr;` and `T *p = &expr;` locals name what they are bound to.
  void addAlias(const VarDecl *VD, const Expr *Init) {
    Aliases[VD] = Init;
  }

  /// The name of a variable with static storage, unique in the program:
  /// function statics are qualified by their function, and variables with
  /// internal linkage by their file ("assoc.c::maintenance_lock"), so that
  /// two files' `static pthread_mutex_t lock` stay two locks.
  std::string globalName(const VarDecl *VD) {
    if (VD->isStaticLocal()) {
      std::string Owner = functionName(VD->getDeclContext());
      return (Owner.empty() ? "" : Owner + "::") + VD->getNameAsString();
    }
    std::string Name = PrimitiveCatalog::qualifiedName(VD);
    if (!VD->isExternallyVisible()) {
      std::string File = Sites.pos(VD->getLocation()).File;
      return llvm::sys::path::filename(File).str() + "::" + Name;
    }
    return Name;
  }

  /// A local variable of the frame as a location (never through aliases:
  /// `p = q` writes p itself).
  LockRef localVar(const VarDecl *VD) {
    LockRef R;
    R.Root = RootKind::Local;
    R.Base = localBase(VD);
    R.Spelling = VD->getNameAsString();
    return R;
  }
  /// How locals of \p F are named: "owner::name@offset" with this owner.
  std::string localOwner(const FunctionDecl *F) { return functionName(F); }

  /// The variable itself as a lock or an object holding locks.
  LockRef resolveVar(const VarDecl *VD) {
    LockRef R = varImpl(VD, 0);
    R.Spelling = VD->getNameAsString();
    LockKind Kind;
    if (Catalog.isLockType(VD->getType(), Kind))
      R.Kind = Kind;
    return R;
  }

  LockRef resolve(const Expr *E) {
    LockRef R = resolveImpl(E, 0);
    R.Spelling = Sites.spelling(E);
    if (R.Root == RootKind::Unknown && R.Spelling.empty())
      R.Spelling = "<expr>";
    LockKind Kind;
    if (Catalog.isLockType(E->getType(), Kind))
      R.Kind = Kind;
    return R;
  }

private:
  std::string functionName(const DeclContext *DC) {
    if (const auto *FD = dyn_cast_or_null<FunctionDecl>(DC))
      return PrimitiveCatalog::qualifiedName(FD);
    return "";
  }

  LockRef varImpl(const VarDecl *VD, int Depth) {
    LockRef R;
    if (const auto *PVD = dyn_cast<ParmVarDecl>(VD)) {
      if (PVD->getDeclContext() == Frame) {
        R.Root = RootKind::Param;
        R.Base = std::to_string(PVD->getFunctionScopeIndex());
        return R;
      }
    }
    if (VD->hasGlobalStorage()) {
      R.Root = RootKind::Global;
      R.Base = globalName(VD);
      return R;
    }
    auto It = Aliases.find(VD);
    if (It != Aliases.end())
      return resolveImpl(It->second, Depth + 1);
    // A local pointer or reference not bound at its declaration may point
    // anywhere (`void *held = NULL; ... held = item_trylock(hv);`).
    if (VD->getType()->isPointerType() || VD->getType()->isReferenceType())
      return R;
    R.Root = RootKind::Local;
    R.Base = localBase(VD);
    return R;
  }

  std::string localBase(const VarDecl *VD) {
    std::string Owner = functionName(VD->getDeclContext());
    return (Owner.empty() ? "" : Owner + "::") + VD->getNameAsString() + "@" +
           std::to_string(Sites.SM.getFileOffset(
               Sites.SM.getExpansionLoc(VD->getLocation())));
  }

  LockRef resolveImpl(const Expr *E, int Depth) {
    LockRef R;
    if (!E || Depth > 8)
      return R;
    E = strip(E);
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref)
        return resolveImpl(UO->getSubExpr(), Depth + 1);
      return R;
    }
    if (isa<CXXThisExpr>(E)) {
      R.Root = RootKind::This;
      return R;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD)
        return R;
      return varImpl(VD, Depth);
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl())) {
        R.Root = RootKind::Global; // A static data member.
        R.Base = globalName(VD);
        return R;
      }
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!FD)
        return R;
      R = resolveImpl(ME->getBase(), Depth + 1);
      if (R.Root == RootKind::Unknown)
        return R;
      R.Path.push_back(PrimitiveCatalog::qualifiedName(FD));
      return R;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      R = resolveImpl(AS->getBase(), Depth + 1);
      if (R.Root != RootKind::Unknown)
        R.Path.push_back("[]");
      return R;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (OC->getOperator() == OO_Subscript && OC->getNumArgs() >= 1) {
        R = resolveImpl(OC->getArg(0), Depth + 1);
        if (R.Root != RootKind::Unknown)
          R.Path.push_back("[]");
        return R;
      }
      if ((OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) &&
          OC->getNumArgs() >= 1) {
        // Smart pointers: the pointee is named by the pointer.
        return resolveImpl(OC->getArg(0), Depth + 1);
      }
      return R;
    }
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = CE->getDirectCallee();
      if (FD && FD->getIdentifier() && CE->getNumArgs() == 1) {
        std::string N = PrimitiveCatalog::qualifiedName(FD);
        if (N == "std::ref" || N == "std::cref" || N == "std::move" ||
            N == "std::forward" || N == "std::addressof")
          return resolveImpl(CE->getArg(0), Depth + 1);
      }
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
        // unique_ptr::get() and friends.
        const CXXMethodDecl *MD = MC->getMethodDecl();
        if (MD && MD->getIdentifier() && MD->getName() == "get" &&
            MC->getNumArgs() == 0 && Sites.inSystemHeader(MD->getLocation()))
          return resolveImpl(MC->getImplicitObjectArgument(), Depth + 1);
      }
      return R;
    }
    return R;
  }

  SiteMapper &Sites;
  const PrimitiveCatalog &Catalog;
  const FunctionDecl *Frame = nullptr;
  llvm::DenseMap<const VarDecl *, const Expr *> Aliases;
};

/// Lowers one function.
class FunctionLowering {
public:
  FunctionLowering(SiteMapper &Sites, const PrimitiveCatalog &Catalog,
                   LockResolver &Resolver,
                   std::set<std::string> &RecursiveLocks)
      : Sites(Sites), Catalog(Catalog), Resolver(Resolver),
        RecursiveLocks(RecursiveLocks) {}

  bool lower(const FunctionDecl *FD, FunctionFacts &Out);

private:
  Event &emit(Event::KindTy Kind, SourceLocation Loc) {
    Cur->Events.emplace_back();
    Event &E = Cur->Events.back();
    E.Kind = Kind;
    E.Site = Sites.pos(Loc);
    return E;
  }
  int newTry() { return NextTry++; }

  void handleStmt(const Stmt *S);
  void handleCall(const CallExpr *CE);
  void handleConstruct(const CXXConstructExpr *CE);
  void handleDecl(const VarDecl *VD);
  void handleGuardConstruct(const CXXConstructExpr *CE, GuardKind Kind);
  void handleSpawn(const Expr *E, const SpawnSite &Spawn);
  bool handleContract(const CallExpr *CE, const FunctionDecl *Callee,
                      const Expr *Obj);
  void handleUserCall(const CallExpr *CE, const FunctionDecl *Callee,
                      const Expr *Obj, bool LambdaCall);
  void handleDtor(const CXXDestructorDecl *DD, const LockRef &Object,
                  SourceLocation Loc);
  void noteRecursiveInit(const CallExpr *CE);
  void handleTerminator(const CFGBlock *B, Block &Out);
  // Accesses to memory (see Event::Access).
  void prepareAccesses(const FunctionDecl *F);
  bool handleBlocking(const CallExpr *CE);
  bool handleThreadContainer(const CallExpr *CE);
  void noteAccessStmt(const Stmt *S);
  /// An access to what \p LValue designates, or, \p ThroughPointer, to
  /// what the pointer \p LValue points to.
  void emitAccess(const Expr *LValue, bool Write, SourceLocation Loc,
                  bool ThroughPointer = false);
  LockRef location(const Expr *E, std::vector<LockRef> &Required);
  LockRef pointee(const Expr *E, std::vector<LockRef> &Required);
  LockRef threadObject(const Expr *E);
  void setSpawnObject(const Expr *SpawnExpr, LockRef Object,
                      QualType Type = QualType());
  bool conditionTry(const Expr *Cond, int &TryId, bool &SuccessOnTrue);

  int guardOf(const Expr *Obj) {
    Obj = strip(Obj);
    if (const auto *CE = dyn_cast<CallExpr>(Obj))
      if (const FunctionDecl *F = CE->getDirectCallee())
        if (F->getIdentifier() && CE->getNumArgs() == 1 &&
            PrimitiveCatalog::qualifiedName(F) == "std::move")
          Obj = strip(CE->getArg(0));
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        auto It = GuardVars.find(VD);
        if (It != GuardVars.end())
          return It->second;
      }
    return -1;
  }

  LockRef mapContractArg(const Expr *AttrArg, const CallExpr *CE,
                         const FunctionDecl *Callee, const Expr *Obj,
                         llvm::ArrayRef<const Expr *> Args);

  SiteMapper &Sites;
  const PrimitiveCatalog &Catalog;
  LockResolver &Resolver;
  std::set<std::string> &RecursiveLocks;

  const FunctionDecl *FD = nullptr;
  Block *Cur = nullptr;
  int NextTry = 0;
  int NextGuard = 0;
  llvm::DenseMap<const CXXConstructExpr *, int> GuardCtors;
  llvm::DenseMap<const VarDecl *, int> GuardVars;
  llvm::DenseMap<const CallExpr *, int> TryCalls;
  llvm::DenseMap<const CallExpr *, long long> TrySuccess;
  llvm::DenseMap<const VarDecl *, const CallExpr *> TryVars;
  llvm::DenseMap<int, int> GuardTry; ///< guard slot -> try id
  /// The event that created each guard slot, to refine its site.
  llvm::DenseMap<int, std::pair<Block *, size_t>> GuardSites;
  /// Constructor calls whose object becomes known at the DeclStmt.
  llvm::DenseMap<const CXXConstructExpr *, std::pair<Block *, size_t>>
      PendingCtorCalls;
  std::set<std::string> RecursiveAttrs; ///< Keys of recursive mutexattrs.
  /// Spawn events by their expression, to name the thread object later.
  llvm::DenseMap<const Expr *, std::pair<Block *, size_t>> SpawnEvents;
  /// Locals whose address or reference may reach another thread or frame.
  llvm::DenseSet<const VarDecl *> Escaping;
  /// Range-for loop variables -> the range they walk.
  llvm::DenseMap<const VarDecl *, const Expr *> RangeVars;
  /// The lambda whose body this is, when it is one: captures by copy are
  /// the closure's own.
  const CXXRecordDecl *Lambda = nullptr;
};

static bool isTagType(QualType T, llvm::StringRef Name) {
  const RecordDecl *RD = T.getNonReferenceType()->getAsRecordDecl();
  return RD && PrimitiveCatalog::qualifiedName(RD) == Name;
}

void FunctionLowering::handleGuardConstruct(const CXXConstructExpr *CE,
                                            GuardKind Kind) {
  int Slot = NextGuard++;
  GuardCtors[CE] = Slot;
  SourceLocation Loc = CE->getBeginLoc();

  // Moving from another guard transfers ownership.
  if (CE->getNumArgs() == 1 &&
      Catalog.guardKind(CE->getArg(0)->getType()) != GuardKind::None) {
    int From = guardOf(CE->getArg(0));
    if (From >= 0) {
      Event &E = emit(Event::GuardMove, Loc);
      E.Guard = From;
      E.Guard2 = Slot;
    }
    return;
  }

  GuardSites[Slot] = {Cur, Cur->Events.size()};
  std::vector<LockRef> Locks;
  bool Defer = false, Try = false, Adopt = false, Timed = false;
  AccessMode Mode =
      Kind == GuardKind::SharedLock ? AccessMode::Shared : AccessMode::Exclusive;

  if (Kind == GuardKind::Scoped) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
    bool FromAttr = false;
    if (Ctor) {
      for (const auto *A : Ctor->specific_attrs<AcquireCapabilityAttr>()) {
        FromAttr = true;
        if (A->isShared())
          Mode = AccessMode::Shared;
        for (const Expr *Arg : A->args())
          Locks.push_back(mapContractArg(Arg, nullptr, Ctor, nullptr, Args));
      }
      if (!Ctor->specific_attrs<ReleaseCapabilityAttr>().empty() &&
          !FromAttr)
        Adopt = true; // Annotated "adopting" constructor.
    }
    if (!FromAttr && !Args.empty()) {
      LockKind K;
      if (Catalog.isLockType(Args[0]->getType(), K))
        Locks.push_back(Resolver.resolve(Args[0]));
    }
    if (Locks.empty()) {
      Event &E = emit(Event::GuardBind, Loc);
      E.Guard = Slot;
      return;
    }
  } else {
    // scoped_lock over unique_locks locks what they wrap, all together.
    bool OverGuards = false;
    for (const Expr *Arg : CE->arguments())
      if (Catalog.guardKind(Arg->getType()) != GuardKind::None)
        if (int Inner = guardOf(Arg); Inner >= 0) {
          Event &E = emit(Event::GuardLock, Loc);
          E.Guard = Inner;
          E.Together = true;
          OverGuards = true;
        }
    if (OverGuards) {
      emit(Event::GuardBind, Loc).Guard = Slot;
      return;
    }
    for (const Expr *Arg : CE->arguments()) {
      LockKind K;
      QualType T = Arg->getType();
      if (isTagType(T, "std::defer_lock_t"))
        Defer = true;
      else if (isTagType(T, "std::try_to_lock_t"))
        Try = true;
      else if (isTagType(T, "std::adopt_lock_t"))
        Adopt = true;
      else if (Catalog.isLockType(T, K))
        Locks.push_back(Resolver.resolve(Arg));
      else if (!isa<CXXDefaultArgExpr>(Arg))
        Timed = true; // A duration or time point: a timed try-lock.
    }
  }

  if (Locks.empty() || Defer || Adopt) {
    Event &E = emit(Event::GuardBind, Loc);
    E.Guard = Slot;
    E.Locks = std::move(Locks);
    E.Mode = Mode;
    E.Owns = Adopt;
    return;
  }
  if (Try || Timed) {
    Event &E = emit(Event::TryAcquire, Loc);
    E.Guard = Slot;
    E.Locks = std::move(Locks);
    E.Mode = Mode;
    E.TryId = newTry();
    GuardTry[Slot] = E.TryId;
    return;
  }
  Event &E = emit(Event::Acquire, Loc);
  E.Guard = Slot;
  E.Together = Locks.size() > 1;
  E.Locks = std::move(Locks);
  E.Mode = Mode;
}

LockRef FunctionLowering::mapContractArg(const Expr *AttrArg,
                                         const CallExpr *CE,
                                         const FunctionDecl *Callee,
                                         const Expr *Obj,
                                         llvm::ArrayRef<const Expr *> Args) {
  // Resolve the attribute's argument in the callee's own frame, then rebase
  // its `this` / parameter root onto the caller's expressions.
  (void)CE;
  const FunctionDecl *Saved = FD;
  Resolver.setFrame(Callee);
  LockRef InCallee = Resolver.resolve(AttrArg);
  Resolver.setFrame(Saved);
  LockRef Result;
  if (InCallee.Root == RootKind::This) {
    if (!Obj)
      return Result;
    Result = InCallee.rebase(Resolver.resolve(Obj));
  } else if (InCallee.Root == RootKind::Param) {
    unsigned Index = std::stoul(InCallee.Base);
    if (Index >= Args.size())
      return Result;
    Result = InCallee.rebase(Resolver.resolve(Args[Index]));
  } else {
    Result = InCallee;
  }
  LockKind K;
  if (Catalog.isLockType(AttrArg->getType(), K))
    Result.Kind = K;
  return Result;
}

bool FunctionLowering::handleContract(const CallExpr *CE,
                                      const FunctionDecl *Callee,
                                      const Expr *Obj) {
  llvm::SmallVector<const Expr *, 4> Args;
  unsigned First = isa<CXXOperatorCallExpr>(CE) && Obj ? 1 : 0;
  for (unsigned I = First; I < CE->getNumArgs(); ++I)
    Args.push_back(CE->getArg(I));
  auto LocksOf = [&](auto Range) {
    std::vector<LockRef> Locks;
    for (const Expr *Arg : Range)
      Locks.push_back(mapContractArg(Arg, CE, Callee, Obj, Args));
    if (Locks.empty() && Obj) // No argument: the object itself.
      Locks.push_back(Resolver.resolve(Obj));
    return Locks;
  };
  bool Any = false;
  SourceLocation Loc = CE->getBeginLoc();
  for (const auto *A : Callee->specific_attrs<AcquireCapabilityAttr>()) {
    Event &E = emit(Event::Acquire, Loc);
    E.Locks = LocksOf(A->args());
    E.Mode = A->isShared() ? AccessMode::Shared : AccessMode::Exclusive;
    Any = true;
  }
  auto EmitTry = [&](auto *A, AccessMode Mode) {
    Event &E = emit(Event::TryAcquire, Loc);
    E.Locks = LocksOf(A->args());
    E.Mode = Mode;
    E.TryId = newTry();
    TryCalls[CE] = E.TryId;
    Expr::EvalResult R;
    long long Success = 1;
    if (A->getSuccessValue() &&
        A->getSuccessValue()->EvaluateAsInt(R, Sites.Ctx))
      Success = R.Val.getInt().getExtValue();
    TrySuccess[CE] = Success;
    Any = true;
  };
  for (const auto *A : Callee->specific_attrs<TryAcquireCapabilityAttr>())
    EmitTry(A, A->isShared() ? AccessMode::Shared : AccessMode::Exclusive);
  for (const auto *A : Callee->specific_attrs<ExclusiveTrylockFunctionAttr>())
    EmitTry(A, AccessMode::Exclusive);
  for (const auto *A : Callee->specific_attrs<SharedTrylockFunctionAttr>())
    EmitTry(A, AccessMode::Shared);
  for (const auto *A : Callee->specific_attrs<ReleaseCapabilityAttr>()) {
    Event &E = emit(Event::Release, Loc);
    E.Locks = LocksOf(A->args());
    Any = true;
  }
  return Any;
}

/// The name used in messages: qualified, and "lambda at file:line" for a
/// lambda's call operator.
static std::string readableName(const FunctionDecl *FD, SiteMapper &Sites) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda()) {
      SourcePos P = Sites.pos(MD->getParent()->getLocation());
      return "lambda at " + llvm::sys::path::filename(P.File).str() + ":" +
             std::to_string(P.Line);
    }
  return PrimitiveCatalog::qualifiedName(FD);
}

static const FunctionDecl *definitionOrSelf(const FunctionDecl *F) {
  if (const FunctionDecl *Def = F->getDefinition())
    return Def;
  return F;
}

void FunctionLowering::handleUserCall(const CallExpr *CE,
                                      const FunctionDecl *Callee,
                                      const Expr *Obj, bool LambdaCall) {
  if (!Callee || Sites.inSystemHeader(Callee->getLocation()))
    return;
  if (Callee->isTrivial())
    return;
  Event &E = emit(Event::Call, CE->getBeginLoc());
  E.Callee = SiteMapper::usr(Callee->getCanonicalDecl());
  E.CalleeName = readableName(Callee, Sites);
  // The result may tell whether the callee took a lock (a try-acquire
  // function); branches on it are recorded as "non-zero: success".
  if (!Callee->getReturnType()->isVoidType()) {
    E.TryId = newTry();
    TryCalls[CE] = E.TryId;
    TrySuccess[CE] = 1;
  }
  if (LambdaCall) {
    // A lambda's `this` is its enclosing method's `this`.
    LockRef Self;
    Self.Root = RootKind::This;
    E.Args.emplace_back(-1, Self);
  } else if (Obj) {
    LockRef O = Resolver.resolve(Obj);
    if (!O.isUnknown())
      E.Args.emplace_back(-1, O);
  }
  unsigned First = isa<CXXOperatorCallExpr>(CE) && Obj ? 1 : 0;
  const FunctionDecl *Def = definitionOrSelf(Callee);
  for (unsigned I = First; I < CE->getNumArgs(); ++I) {
    unsigned Param = I - First;
    if (Param >= Def->getNumParams())
      break;
    QualType PT = Def->getParamDecl(Param)->getType();
    LockKind K;
    if (!PT->isPointerType() && !PT->isReferenceType() &&
        !Catalog.isLockType(PT, K))
      continue;
    LockRef A = Resolver.resolve(CE->getArg(I));
    if (!A.isUnknown())
      E.Args.emplace_back(int(Param), A);
  }
}

void FunctionLowering::handleDtor(const CXXDestructorDecl *DD,
                                  const LockRef &Object, SourceLocation Loc) {
  if (!DD || DD->isTrivial() || Sites.inSystemHeader(DD->getLocation()))
    return;
  Event &E = emit(Event::Call, Loc);
  E.Callee = SiteMapper::usr(DD->getCanonicalDecl());
  E.CalleeName = PrimitiveCatalog::qualifiedName(DD);
  if (!Object.isUnknown())
    E.Args.emplace_back(-1, Object);
}

static const FunctionDecl *entryFunction(const Expr *Entry,
                                         const PrimitiveCatalog &) {
  const Expr *E = strip(Entry);
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = strip(UO->getSubExpr());
  if (const auto *LE = dyn_cast<LambdaExpr>(E))
    return LE->getCallOperator();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *F = dyn_cast<FunctionDecl>(DRE->getDecl()))
      return F;
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (const Expr *Init = VD->getInit()) {
        const Expr *I = strip(Init);
        if (const auto *LE = dyn_cast<LambdaExpr>(I))
          return LE->getCallOperator();
      }
  }
  // A function object: its call operator.
  if (const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl()) {
    if (RD->isLambda())
      return RD->getLambdaCallOperator();
    if (RD->hasDefinition())
      for (const CXXMethodDecl *MD : RD->methods())
        if (MD->getOverloadedOperator() == OO_Call)
          return MD;
  }
  return nullptr;
}

void FunctionLowering::handleSpawn(const Expr *Site, const SpawnSite &Spawn) {
  const FunctionDecl *Entry = entryFunction(Spawn.Entry, Catalog);
  if (!Entry || Sites.inSystemHeader(Entry->getLocation()))
    return;
  Event &E = emit(Event::Spawn, Site->getBeginLoc());
  SpawnEvents[strip(Site)] = {Cur, Cur->Events.size() - 1};
  if (Spawn.Handle) {
    LockRef H = Resolver.resolve(Spawn.Handle);
    if (!H.isUnknown())
      E.Locks.push_back(std::move(H));
  }
  if (Spawn.Pool) {
    // Owned by the pool until a future takes it over (`auto f = submit()`);
    // "[]": a pool runs many tasks, every one ends when the pool does.
    LockRef P = Resolver.resolve(Spawn.Pool);
    if (!P.isUnknown()) {
      if (Spawn.Many)
        P.Path.push_back("[]");
      E.Locks.push_back(std::move(P));
    }
  }
  E.Callee = SiteMapper::usr(Entry->getCanonicalDecl());
  E.CalleeName = readableName(Entry, Sites);
  size_t First = 0;
  const auto *MD = dyn_cast<CXXMethodDecl>(Entry);
  if (MD && MD->getParent()->isLambda()) {
    LockRef Self;
    Self.Root = RootKind::This;
    E.Args.emplace_back(-1, Self);
  } else if (MD && !MD->isStatic() &&
             MD->getOverloadedOperator() != OO_Call) {
    // Member function pointer: the first argument is the object.
    if (!Spawn.EntryArgs.empty()) {
      LockRef O = Resolver.resolve(Spawn.EntryArgs[0]);
      if (!O.isUnknown())
        E.Args.emplace_back(-1, O);
    }
    First = 1;
  }
  for (size_t I = First; I < Spawn.EntryArgs.size(); ++I) {
    const Expr *Arg = Spawn.EntryArgs[I];
    QualType T = strip(Arg)->getType();
    bool ByRef = false;
    if (const auto *CE = dyn_cast<CallExpr>(strip(Arg)))
      if (const FunctionDecl *F = CE->getDirectCallee())
        if (F->getIdentifier()) {
          std::string N = PrimitiveCatalog::qualifiedName(F);
          ByRef = N == "std::ref" || N == "std::cref";
        }
    if (!ByRef && !T->isPointerType())
      continue; // Copied into the thread: no sharing through it.
    LockRef A = Resolver.resolve(Arg);
    if (!A.isUnknown())
      E.Args.emplace_back(int(I - First), A);
  }
}

void FunctionLowering::noteRecursiveInit(const CallExpr *CE) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return;
  llvm::StringRef Name = Callee->getName();
  // Attribute objects by identity: a local, a global or a member
  // (`pthread_mutexattr_t attr_` next to the mutex it configures).
  auto AttrOf = [&](const Expr *E) -> std::string {
    LockRef R = Resolver.resolve(E);
    return R.isUnknown() ? "" : R.key();
  };
  if (Name == "pthread_mutexattr_settype" && CE->getNumArgs() == 2) {
    const Expr *Type = CE->getArg(1)->IgnoreParenImpCasts();
    bool Recursive = false;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Type))
      if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
        Recursive = EC->getName().starts_with("PTHREAD_MUTEX_RECURSIVE");
    if (std::string Attr = AttrOf(CE->getArg(0)); Recursive && !Attr.empty())
      RecursiveAttrs.insert(Attr);
    return;
  }
  if (Name == "pthread_mutex_init" && CE->getNumArgs() == 2) {
    std::string Attr = AttrOf(CE->getArg(1));
    if (!Attr.empty() && RecursiveAttrs.count(Attr)) {
      std::string C = Resolver.resolve(CE->getArg(0)).declName();
      if (!C.empty())
        RecursiveLocks.insert(C);
    }
    return;
  }
  if (Name == "mtx_init" && CE->getNumArgs() == 2) {
    Expr::EvalResult R;
    // C11: mtx_recursive is a flag or'ed into the type.
    if (CE->getArg(1)->EvaluateAsInt(R, Sites.Ctx)) {
      const Expr *Type = CE->getArg(1)->IgnoreParenImpCasts();
      bool Recursive = false;
      if (const auto *BO = dyn_cast<BinaryOperator>(Type))
        Type = BO->getRHS()->IgnoreParenImpCasts();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Type))
        if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
          Recursive = EC->getName() == "mtx_recursive";
      if (!Recursive) {
        // Look for the flag's value among the enumerators.
        Recursive = (R.Val.getInt().getExtValue() & 1) != 0;
      }
      if (Recursive) {
        std::string C = Resolver.resolve(CE->getArg(0)).declName();
        if (!C.empty())
          RecursiveLocks.insert(C);
      }
    }
  }
}

void FunctionLowering::handleCall(const CallExpr *CE) {
  noteRecursiveInit(CE);

  SpawnSite Spawn;
  if (Catalog.classifySpawn(CE, Spawn)) {
    handleSpawn(CE, Spawn);
    return;
  }
  if (handleThreadContainer(CE) || handleBlocking(CE))
    return;
  if (const FunctionDecl *F = CE->getDirectCallee())
    if (F->getIdentifier() && CE->getNumArgs() == 1 &&
        Catalog.isThreadType(CE->getArg(0)->getType()) &&
        PrimitiveCatalog::qualifiedName(F) == "std::move") {
      // The thread object hands its thread to another one.
      LockRef T = threadObject(CE->getArg(0));
      Event &E = emit(Event::ThreadDetach, CE->getBeginLoc());
      E.CalleeName = "std::move";
      if (!T.isUnknown())
        E.Locks.push_back(std::move(T));
      return;
    }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE))
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
        Catalog.isThreadType(OC->getArg(0)->getType())) {
      LockRef T = threadObject(OC->getArg(0));
      const Expr *From = strip(OC->getArg(1));
      if (SpawnEvents.count(From)) {
        // `t = std::thread(f)`: the new thread's start checks t.
        setSpawnObject(From, T, OC->getArg(0)->getType());
      } else if (!T.isUnknown()) {
        Event &E = emit(Event::ThreadDestroy, CE->getBeginLoc());
        E.Locks.push_back(std::move(T));
      }
      return;
    }

  PrimitiveOp Op = Catalog.classifyCall(CE);
  SourceLocation Loc = CE->getBeginLoc();
  if (Op.Kind != PrimitiveOp::None) {
    std::vector<LockRef> Locks;
    std::vector<int> GuardArgs;
    for (const Expr *L : Op.LockExprs) {
      // std::lock(la, lb) over unique_locks locks what they wrap.
      if (Catalog.guardKind(L->getType()) != GuardKind::None) {
        if (int Slot = guardOf(L); Slot >= 0)
          GuardArgs.push_back(Slot);
        continue;
      }
      Locks.push_back(Resolver.resolve(L));
    }
    if (!GuardArgs.empty() && (Op.Kind == PrimitiveOp::LockAll)) {
      for (int Slot : GuardArgs) {
        Event &E = emit(Event::GuardLock, Loc);
        E.Guard = Slot;
        E.Together = true;
      }
      if (Locks.empty())
        return;
    }
    if (Locks.empty())
      return;
    switch (Op.Kind) {
    case PrimitiveOp::Lock:
    case PrimitiveOp::LockAll: {
      Event &E = emit(Event::Acquire, Loc);
      E.Together = Locks.size() > 1;
      E.Locks = std::move(Locks);
      E.Mode = Op.Mode;
      return;
    }
    case PrimitiveOp::TryLock:
    case PrimitiveOp::TryLockAll: {
      Event &E = emit(Event::TryAcquire, Loc);
      E.Together = Locks.size() > 1;
      E.Locks = std::move(Locks);
      E.Mode = Op.Mode;
      E.TryId = newTry();
      TryCalls[CE] = E.TryId;
      TrySuccess[CE] = Op.SuccessValue;
      return;
    }
    case PrimitiveOp::Unlock: {
      Event &E = emit(Event::Release, Loc);
      E.Locks = std::move(Locks);
      E.Mode = Op.Mode;
      return;
    }
    case PrimitiveOp::None:
      break;
    }
    return;
  }

  const Expr *Obj = nullptr;
  const FunctionDecl *Callee = CE->getDirectCallee();
  bool LambdaCall = false;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
    Obj = MC->getImplicitObjectArgument();
    Callee = MC->getMethodDecl();
    // Operations on a guard object.
    if (Obj && Catalog.guardKind(Obj->getType()) != GuardKind::None &&
        Callee && Callee->getIdentifier()) {
      int Slot = guardOf(Obj);
      llvm::StringRef N = Callee->getName();
      if (Slot >= 0) {
        if (N == "lock") {
          emit(Event::GuardLock, Loc).Guard = Slot;
        } else if (N == "unlock") {
          emit(Event::GuardUnlock, Loc).Guard = Slot;
        } else if (N.starts_with("try_lock")) {
          Event &E = emit(Event::GuardTryLock, Loc);
          E.Guard = Slot;
          E.TryId = newTry();
          TryCalls[CE] = E.TryId;
          TrySuccess[CE] = 1;
          GuardTry[Slot] = E.TryId;
        } else if (N == "release") {
          emit(Event::GuardDrop, Loc).Guard = Slot;
        }
      }
      return;
    }
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Callee)) {
      Obj = OC->getArg(0);
      if (OC->getOperator() == OO_Equal &&
          Catalog.guardKind(Obj->getType()) != GuardKind::None) {
        int To = guardOf(Obj);
        int From = OC->getNumArgs() > 1 ? guardOf(OC->getArg(1)) : -1;
        if (To >= 0) {
          emit(Event::GuardDestroy, Loc).Guard = To;
          if (From >= 0) {
            Event &E = emit(Event::GuardMove, Loc);
            E.Guard = From;
            E.Guard2 = To;
          }
        }
        return;
      }
      LambdaCall = MD->getParent()->isLambda();
    }
  }
  if (!Callee)
    return;
  if (handleContract(CE, Callee, Obj))
    return;
  handleUserCall(CE, Callee, Obj, LambdaCall);
}

void FunctionLowering::handleConstruct(const CXXConstructExpr *CE) {
  GuardKind GK = Catalog.guardKind(CE->getType());
  if (GK != GuardKind::None) {
    handleGuardConstruct(CE, GK);
    return;
  }
  SpawnSite Spawn;
  if (Catalog.classifySpawn(CE, Spawn)) {
    handleSpawn(CE, Spawn);
    return;
  }
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (!Ctor || Ctor->isTrivial() || Sites.inSystemHeader(Ctor->getLocation()))
    return;
  Event &E = emit(Event::Call, CE->getBeginLoc());
  E.Callee = SiteMapper::usr(Ctor->getCanonicalDecl());
  E.CalleeName = PrimitiveCatalog::qualifiedName(Ctor);
  const FunctionDecl *Def = definitionOrSelf(Ctor);
  for (unsigned I = 0; I < CE->getNumArgs() && I < Def->getNumParams(); ++I) {
    QualType PT = Def->getParamDecl(I)->getType();
    LockKind K;
    if (!PT->isPointerType() && !PT->isReferenceType() &&
        !Catalog.isLockType(PT, K))
      continue;
    LockRef A = Resolver.resolve(CE->getArg(I));
    if (!A.isUnknown())
      E.Args.emplace_back(int(I), A);
  }
  PendingCtorCalls[CE] = {Cur, Cur->Events.size() - 1};
}

void FunctionLowering::handleDecl(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (!Init)
    return;
  const Expr *S = strip(Init);
  // References and pointers bound once name what they are bound to.
  if (VD->getType()->isReferenceType() || VD->getType()->isPointerType())
    Resolver.addAlias(VD, Init);
  // A guard initialised from a call (`auto g = take();`) owns what the
  // call returned holding.
  if (Catalog.guardKind(VD->getType()) != GuardKind::None)
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      int Slot = NextGuard++;
      GuardVars[VD] = Slot;
      Event &E = emit(Event::GuardAdopt, Call->getBeginLoc());
      E.Guard = Slot;
    }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit())) {
    auto It = GuardCtors.find(CE);
    if (It != GuardCtors.end()) {
      GuardVars[VD] = It->second;
      // Point at the declaration, not at the variable's name: every event
      // the construction emitted.
      auto Site = GuardSites.find(It->second);
      if (Site != GuardSites.end()) {
        std::vector<Event> &Events = Site->second.first->Events;
        SourcePos From = Sites.pos(CE->getBeginLoc());
        for (size_t I = Site->second.second; I < Events.size(); ++I)
          if (Events[I].Site == From)
            Events[I].Site = Sites.pos(VD->getBeginLoc());
      }
    }
    auto P = PendingCtorCalls.find(CE);
    if (P != PendingCtorCalls.end()) {
      LockRef Named = Resolver.resolveVar(VD);
      Event &E = P->second.first->Events[P->second.second];
      E.Args.insert(E.Args.begin(), {-1, Named});
    }
  }
  if (SpawnEvents.count(S))
    setSpawnObject(S, Resolver.resolveVar(VD), VD->getType());
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    auto It = TryCalls.find(CE);
    if (It != TryCalls.end())
      TryVars[VD] = CE;
  }
  // PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP on a local or static.
  LockKind K;
  if (Catalog.isLockType(VD->getType(), K) && Init->getBeginLoc().isMacroID()) {
    llvm::StringRef Macro = Lexer::getImmediateMacroName(
        Init->getBeginLoc(), Sites.SM, Sites.Ctx.getLangOpts());
    if (Macro.contains("RECURSIVE"))
      RecursiveLocks.insert(Resolver.resolveVar(VD).declName());
  }
}

void FunctionLowering::handleStmt(const Stmt *S) {
  noteAccessStmt(S);
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    handleCall(CE);
    return;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(S)) {
    handleConstruct(CE);
    return;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        handleDecl(VD);
    return;
  }
  if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
    Cur->ReturnSite = Sites.pos(RS->getBeginLoc());
    if (const Expr *RV = RS->getRetValue()) {
      Expr::EvalResult R;
      if (!RV->isValueDependent() && RV->EvaluateAsInt(R, Sites.Ctx)) {
        Cur->HasReturnValue = true;
        Cur->ReturnValue = R.Val.getInt().getExtValue();
      } else if (!RV->isValueDependent() &&
                 RV->isNullPointerConstant(
                     Sites.Ctx, Expr::NPC_ValueDependentIsNotNull)) {
        Cur->HasReturnValue = true;
        Cur->ReturnValue = 0;
      }
    }
    return;
  }
}

bool FunctionLowering::conditionTry(const Expr *Cond, int &TryId,
                                    bool &SuccessOnTrue) {
  if (!Cond)
    return false;
  const Expr *E = strip(Cond);
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_LNot) {
      if (!conditionTry(UO->getSubExpr(), TryId, SuccessOnTrue))
        return false;
      SuccessOnTrue = !SuccessOnTrue;
      return true;
    }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() != BO_EQ && BO->getOpcode() != BO_NE)
      return false;
    Expr::EvalResult R;
    const Expr *Other = nullptr;
    long long C = 0;
    if (BO->getRHS()->EvaluateAsInt(R, Sites.Ctx)) {
      Other = BO->getLHS();
      C = R.Val.getInt().getExtValue();
    } else if (BO->getLHS()->EvaluateAsInt(R, Sites.Ctx)) {
      Other = BO->getRHS();
      C = R.Val.getInt().getExtValue();
    } else {
      return false;
    }
    const CallExpr *Call = nullptr;
    const Expr *O = strip(Other);
    if (const auto *CE = dyn_cast<CallExpr>(O))
      Call = CE;
    else if (const auto *DRE = dyn_cast<DeclRefExpr>(O))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        auto It = TryVars.find(VD);
        if (It != TryVars.end())
          Call = It->second;
      }
    if (!Call || !TryCalls.count(Call))
      return false;
    TryId = TryCalls[Call];
    long long Success = TrySuccess[Call];
    // `r == C` is true exactly when r == C.
    bool TrueMeansSuccess = (C == Success);
    if (!TrueMeansSuccess && Success != 0 && C == 0)
      TrueMeansSuccess = false;
    SuccessOnTrue = BO->getOpcode() == BO_EQ ? TrueMeansSuccess
                                             : !TrueMeansSuccess;
    // `r != 0` for a bool-style try means success on true.
    if (BO->getOpcode() == BO_NE && C == 0 && Success != 0)
      SuccessOnTrue = true;
    return true;
  }
  const CallExpr *Call = nullptr;
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    Call = CE;
    // guard.owns_lock() / explicit operator bool on a try guard.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
      const Expr *Obj = MC->getImplicitObjectArgument();
      if (Obj && Catalog.guardKind(Obj->getType()) != GuardKind::None) {
        int Slot = guardOf(Obj);
        auto It = GuardTry.find(Slot);
        if (Slot >= 0 && It != GuardTry.end()) {
          TryId = It->second;
          SuccessOnTrue = true;
          return true;
        }
        return false;
      }
    }
  } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      auto It = TryVars.find(VD);
      if (It != TryVars.end())
        Call = It->second;
    }
  }
  if (!Call || !TryCalls.count(Call))
    return false;
  TryId = TryCalls[Call];
  // Truthiness: true when the result is non-zero.
  SuccessOnTrue = TrySuccess[Call] != 0;
  return true;
}

void FunctionLowering::handleTerminator(const CFGBlock *B, Block &Out) {
  const Stmt *T = B->getTerminatorStmt();
  if (!T || B->succ_size() != 2)
    return;
  const Expr *Cond = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(T)) {
    if (BO->isLogicalOp())
      Cond = BO->getLHS();
  } else {
    Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition(false));
  }
  // `if (t.joinable())`: the thread is not joinable on the other branch.
  if (Cond) {
    bool Negated = false;
    const Expr *C = strip(Cond);
    while (const auto *UO = dyn_cast<UnaryOperator>(C)) {
      if (UO->getOpcode() != UO_LNot)
        break;
      Negated = !Negated;
      C = strip(UO->getSubExpr());
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
      if (const CXXMethodDecl *MD = MC->getMethodDecl())
        if (MD->getIdentifier() && MD->getName() == "joinable" &&
            Catalog.isThreadType(MC->getImplicitObjectArgument()->getType())) {
          LockRef T = threadObject(MC->getImplicitObjectArgument());
          if (!T.isUnknown()) {
            Out.CondThread = T.key();
            Out.JoinableOnFirst = !Negated;
          }
        }
  }
  int TryId;
  bool SuccessOnTrue;
  if (!conditionTry(Cond, TryId, SuccessOnTrue))
    return;
  Out.CondTry = TryId;
  Out.SuccessOnFirst = SuccessOnTrue;
}

//===----------------------------------------------------------------------===//
// Accesses to memory and the lifecycle of threads
//===----------------------------------------------------------------------===//

void FunctionLowering::prepareAccesses(const FunctionDecl *F) {
  Escaping.clear();
  RangeVars.clear();
  Lambda = nullptr;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(F))
    if (MD->getParent()->isLambda())
      Lambda = MD->getParent();
  // Locals become visible to other frames and threads when their address
  // is taken, when they are bound to a non-const reference parameter or
  // std::ref, or when a lambda captures them by reference.
  struct Finder : RecursiveASTVisitor<Finder> {
    FunctionLowering &L;
    explicit Finder(FunctionLowering &L) : L(L) {}
    static const VarDecl *rootVar(const Expr *E) {
      for (;;) {
        E = E->IgnoreParenImpCasts();
        if (const auto *ME = dyn_cast<MemberExpr>(E)) {
          if (ME->isArrow())
            return nullptr;
          E = ME->getBase();
          continue;
        }
        if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
          E = AS->getBase();
          continue;
        }
        if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
          const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
          return VD && VD->hasLocalStorage() ? VD : nullptr;
        }
        return nullptr;
      }
    }
    void mark(const Expr *E) {
      if (const VarDecl *VD = rootVar(E))
        L.Escaping.insert(VD);
    }
    bool VisitUnaryOperator(UnaryOperator *UO) {
      if (UO->getOpcode() == UO_AddrOf)
        mark(UO->getSubExpr());
      return true;
    }
    bool VisitImplicitCastExpr(ImplicitCastExpr *C) {
      if (C->getCastKind() == CK_ArrayToPointerDecay)
        mark(C->getSubExpr());
      return true;
    }
    bool VisitLambdaExpr(LambdaExpr *LE) {
      for (const LambdaCapture &C : LE->captures())
        if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
          if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
            L.Escaping.insert(VD);
      return true;
    }
    bool VisitCallExpr(CallExpr *CE) {
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (!Callee)
        return true;
      if (Callee->getIdentifier() && CE->getNumArgs() == 1) {
        std::string N = PrimitiveCatalog::qualifiedName(Callee);
        if (N == "std::ref" || N == "std::cref")
          mark(CE->getArg(0));
      }
      unsigned Shift =
          isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
      for (unsigned I = Shift; I < CE->getNumArgs(); ++I) {
        unsigned P = I - Shift;
        if (P >= Callee->getNumParams())
          break;
        QualType T = Callee->getParamDecl(P)->getType();
        if (T->isLValueReferenceType() &&
            !T.getNonReferenceType().isConstQualified())
          mark(CE->getArg(I));
      }
      return true;
    }
    bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
      // A thread's arguments are copied, except through std::ref (above).
      const CXXConstructorDecl *Ctor = CE->getConstructor();
      if (!Ctor || Ctor->isCopyOrMoveConstructor())
        return true;
      for (unsigned I = 0; I < CE->getNumArgs() && I < Ctor->getNumParams();
           ++I) {
        QualType T = Ctor->getParamDecl(I)->getType();
        if (T->isLValueReferenceType() &&
            !T.getNonReferenceType().isConstQualified())
          mark(CE->getArg(I));
      }
      return true;
    }
    bool VisitCXXForRangeStmt(CXXForRangeStmt *FS) {
      if (const VarDecl *VD = FS->getLoopVariable())
        L.RangeVars[VD] = FS->getRangeInit();
      return true;
    }
  };
  if (const Stmt *Body = F->getBody()) {
    Finder Find(*this);
    Find.TraverseStmt(const_cast<Stmt *>(Body));
  }
}

LockRef FunctionLowering::threadObject(const Expr *E) {
  const Expr *S = strip(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      auto It = RangeVars.find(VD);
      if (It != RangeVars.end()) {
        // `for (auto &t : threads) t.join();` joins every element.
        LockRef R = Resolver.resolve(It->second);
        if (!R.isUnknown())
          R.Path.push_back("[]");
        return R;
      }
    }
  return Resolver.resolve(E);
}

void FunctionLowering::setSpawnObject(const Expr *SpawnExpr, LockRef Object,
                                      QualType Type) {
  auto It = SpawnEvents.find(strip(SpawnExpr));
  if (It == SpawnEvents.end() || Object.isUnknown())
    return;
  Event &E = It->second.first->Events[It->second.second];
  E.Locks.assign(1, std::move(Object));
  // Destroying a joinable std::thread terminates; a jthread joins, a
  // future waits, a pthread_t or container slot has no destructor check.
  E.Owns = false;
  if (!Type.isNull() && Catalog.isThreadType(Type))
    if (const RecordDecl *RD = Type.getNonReferenceType()->getAsRecordDecl())
      E.Owns = PrimitiveCatalog::qualifiedName(RD) != "std::jthread";
}

bool FunctionLowering::handleBlocking(const CallExpr *CE) {
  BlockingOp Op = Catalog.classifyBlocking(CE);
  if (Op.Kind == BlockingOp::None)
    return false;
  SourceLocation Loc = CE->getBeginLoc();
  switch (Op.Kind) {
  case BlockingOp::Detach: {
    auto It = SpawnEvents.find(strip(Op.Object));
    if (It != SpawnEvents.end()) {
      // `std::thread(f).detach()`
      It->second.first->Events[It->second.second].Detached = true;
      return true;
    }
    Event &E = emit(Event::ThreadDetach, Loc);
    E.CalleeName = Op.Name;
    LockRef T = threadObject(Op.Object);
    if (!T.isUnknown())
      E.Locks.push_back(std::move(T));
    return true;
  }
  case BlockingOp::Join: {
    Event &E = emit(Event::ThreadJoin, Loc);
    E.CalleeName = Op.Name;
    LockRef T = threadObject(Op.Object);
    if (!T.isUnknown())
      E.Locks.push_back(std::move(T));
    return true;
  }
  case BlockingOp::CondWait: {
    Event &E = emit(Event::Blocking, Loc);
    E.CalleeName = Op.Name;
    if (Catalog.guardKind(Op.Released->getType()) != GuardKind::None)
      E.Guard = guardOf(Op.Released);
    else
      E.Locks.push_back(Resolver.resolve(Op.Released));
    return true;
  }
  default: {
    Event &E = emit(Event::Blocking, Loc);
    E.CalleeName = Op.Name;
    return true;
  }
  }
}

/// `threads.emplace_back(f, args)` starts a thread owned by an element of
/// `threads`; `threads.push_back(std::thread(f))` moves one in.
bool FunctionLowering::handleThreadContainer(const CallExpr *CE) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
  if (!MC || !MC->getMethodDecl() || !MC->getMethodDecl()->getIdentifier())
    return false;
  llvm::StringRef N = MC->getMethodDecl()->getName();
  if (N != "emplace_back" && N != "push_back" && N != "emplace" &&
      N != "push" && N != "emplace_front" && N != "push_front")
    return false;
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(MC->getRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  QualType Elem = Spec->getTemplateArgs()[0].getAsType();
  bool Thread = Catalog.isThreadType(Elem);
  bool Future = false;
  if (const RecordDecl *RD = Elem->getAsRecordDecl())
    Future = PrimitiveCatalog::qualifiedName(RD) == "std::future";
  if (!Thread && !Future)
    return false;
  LockRef Slot = Resolver.resolve(MC->getImplicitObjectArgument());
  if (!Slot.isUnknown())
    Slot.Path.push_back("[]");
  if (CE->getNumArgs() == 0)
    return true;
  const Expr *A0 = strip(CE->getArg(0));
  if (SpawnEvents.count(A0)) {
    setSpawnObject(A0, Slot);
    return true;
  }
  if (Thread && N.starts_with("emplace") && !Catalog.isThreadType(A0->getType())) {
    SpawnSite Spawn;
    Spawn.Entry = CE->getArg(0);
    for (unsigned I = 1; I < CE->getNumArgs(); ++I)
      Spawn.EntryArgs.push_back(CE->getArg(I));
    handleSpawn(CE, Spawn);
    setSpawnObject(CE, Slot);
    return true;
  }
  return false;
}

LockRef FunctionLowering::pointee(const Expr *E,
                                  std::vector<LockRef> &Required) {
  const Expr *S = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    if (UO->getOpcode() == UO_AddrOf)
      return location(UO->getSubExpr(), Required);
  if (const auto *ME = dyn_cast<MemberExpr>(S))
    if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      if (Field->hasAttr<PtGuardedByAttr>()) {
        std::vector<LockRef> Ignored;
        LockRef Base = ME->isArrow() ? pointee(ME->getBase(), Ignored)
                                     : location(ME->getBase(), Ignored);
        for (const auto *A : Field->specific_attrs<PtGuardedByAttr>()) {
          LockRef G = Resolver.resolve(A->getArg());
          if (G.Root == RootKind::This && !Base.isUnknown())
            G = G.rebase(Base);
          if (!G.isUnknown())
            Required.push_back(std::move(G));
        }
      }
  if (Lambda) {
    // A captured pointer or smart pointer: its target is not known here.
    const Expr *Root = S;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Root))
      if ((OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) &&
          OC->getNumArgs() == 1)
        Root = OC->getArg(0)->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Root))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->hasLocalStorage() && VD->getDeclContext() != FD)
          return LockRef();
  }
  return Resolver.resolve(S);
}

LockRef FunctionLowering::location(const Expr *E,
                                   std::vector<LockRef> &Required) {
  E = E->IgnoreParens();
  while (const auto *IC = dyn_cast<ImplicitCastExpr>(E)) {
    CastKind K = IC->getCastKind();
    if (K != CK_NoOp && K != CK_DerivedToBase && K != CK_UncheckedDerivedToBase)
      break;
    E = IC->getSubExpr()->IgnoreParens();
  }
  auto GuardsOf = [&](const auto *D, const LockRef &Object) {
    for (const auto *A : D->template specific_attrs<GuardedByAttr>()) {
      LockRef G = Resolver.resolve(A->getArg());
      if (G.Root == RootKind::This && !Object.isUnknown())
        G = G.rebase(Object);
      if (!G.isUnknown())
        Required.push_back(std::move(G));
    }
  };
  auto SharedGlobal = [&](const VarDecl *VD) {
    return VD->getTLSKind() == VarDecl::TLS_None && !VD->isConstexpr() &&
           !Catalog.isSynchronizedType(VD->getType());
  };
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return LockRef();
    if (VD->hasGlobalStorage()) {
      if (!SharedGlobal(VD))
        return LockRef();
      GuardsOf(VD, LockRef());
      return Resolver.resolveVar(VD);
    }
    if (Catalog.isSynchronizedType(VD->getType()))
      return LockRef();
    bool Captured = Lambda && VD->getDeclContext() != FD;
    if (Captured) {
      llvm::DenseMap<const ValueDecl *, FieldDecl *> Fields;
      FieldDecl *ThisField = nullptr;
      Lambda->getCaptureFields(Fields, ThisField);
      auto It = Fields.find(VD);
      // A capture by copy is the closure's own.
      if (It == Fields.end() || !It->second->getType()->isReferenceType())
        return LockRef();
      if (VD->getType()->isReferenceType())
        return LockRef(); // the enclosing frame's alias is not known here
      return Resolver.resolveVar(VD);
    }
    if (VD->getType()->isReferenceType())
      return Resolver.resolve(DRE); // what it is bound to
    if (!Escaping.count(VD))
      return LockRef();
    return Resolver.localVar(VD);
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl())) {
      if (!SharedGlobal(VD))
        return LockRef();
      GuardsOf(VD, LockRef());
      return Resolver.resolveVar(VD);
    }
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field || Catalog.isSynchronizedType(Field->getType()))
      return LockRef();
    std::vector<LockRef> Ignored;
    LockRef Base = ME->isArrow() ? pointee(ME->getBase(), Ignored)
                                 : location(ME->getBase(), Ignored);
    if (Base.isUnknown())
      return Base;
    GuardsOf(Field, Base);
    Base.Path.push_back(PrimitiveCatalog::qualifiedName(Field));
    return Base;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_Deref)
      return pointee(UO->getSubExpr(), Required);
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    if ((OC->getOperator() == OO_Star || OC->getOperator() == OO_Arrow) &&
        OC->getNumArgs() == 1)
      return pointee(OC->getArg(0), Required);
  return LockRef(); // array elements and temporaries
}

void FunctionLowering::emitAccess(const Expr *LValue, bool Write,
                                  SourceLocation Loc, bool ThroughPointer) {
  QualType T = ThroughPointer ? LValue->getType()->getPointeeType()
                              : LValue->getType();
  if (Catalog.isSynchronizedType(T.getUnqualifiedType()))
    return;
  std::vector<LockRef> Required;
  LockRef L = ThroughPointer ? pointee(LValue, Required)
                             : location(LValue, Required);
  if (L.isUnknown())
    return;
  for (const std::string &Step : L.Path)
    if (Step == "[]")
      return; // one element of many: not precise enough to pair
  L.Spelling = Sites.spelling(LValue);
  std::string Key = L.key();
  // The same location again in a run of accesses adds nothing.
  for (auto It = Cur->Events.rbegin();
       It != Cur->Events.rend() && It->Kind == Event::Access; ++It)
    if (It->Write == Write && It->Locks.front().key() == Key)
      return;
  Event &E = emit(Event::Access, Loc);
  E.Write = Write;
  E.Locks.push_back(std::move(L));
  for (LockRef &R : Required)
    E.Locks.push_back(std::move(R));
}

void FunctionLowering::noteAccessStmt(const Stmt *S) {
  if (const auto *IC = dyn_cast<ImplicitCastExpr>(S)) {
    if (IC->getCastKind() == CK_LValueToRValue)
      emitAccess(IC->getSubExpr(), false, IC->getBeginLoc());
    return;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp()) {
      if (BO->isCompoundAssignmentOp())
        emitAccess(BO->getLHS(), false, BO->getBeginLoc());
      emitAccess(BO->getLHS(), true, BO->getBeginLoc());
    }
    return;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp()) {
      emitAccess(UO->getSubExpr(), false, UO->getBeginLoc());
      emitAccess(UO->getSubExpr(), true, UO->getBeginLoc());
    }
    return;
  }
  // Member functions of library types (containers, strings) read or write
  // their object: const ones read, the others write.
  const CXXMethodDecl *MD = nullptr;
  const Expr *Obj = nullptr;
  bool Subscript = false;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
    MD = MC->getMethodDecl();
    Obj = MC->getImplicitObjectArgument();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S)) {
    MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
    OverloadedOperatorKind K = OC->getOperator();
    if (K == OO_Arrow || K == OO_Star || K == OO_Call || OC->getNumArgs() == 0)
      return;
    Subscript = K == OO_Subscript;
    Obj = OC->getArg(0);
  }
  if (!MD || !Obj || MD->isStatic() || isa<CXXConstructorDecl>(MD) ||
      isa<CXXDestructorDecl>(MD) || !Sites.inSystemHeader(MD->getLocation()))
    return;
  bool Write = !MD->isConst();
  // Non-const overloads that only look: iterators, lookups, sizes.
  if (Write && MD->getIdentifier() &&
      llvm::StringSwitch<bool>(MD->getName())
          .Cases("begin", "end", "rbegin", "rend", "find", "count", true)
          .Cases("contains", "at", "front", "back", "data", "size", true)
          .Cases("empty", "lower_bound", "upper_bound", "equal_range", true)
          .Cases("length", "c_str", "capacity", "max_size", "substr", true)
          .Default(false))
    Write = false;
  if (Subscript && Write) {
    // vector[i] hands out an element (not tracked); map[k] may insert.
    std::string Class = PrimitiveCatalog::qualifiedName(MD->getParent());
    Write = llvm::StringRef(Class).ends_with("map");
  }
  emitAccess(Obj, Write, S->getBeginLoc(), Obj->getType()->isPointerType());
}

bool FunctionLowering::lower(const FunctionDecl *F, FunctionFacts &Out) {
  FD = F;
  Resolver.setFrame(F);
  prepareAccesses(F);
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  Options.AddInitializers = true;
  Options.AddCXXDefaultInitExprInCtors = true;
  Options.AddLifetime = false;
  Options.PruneTriviallyFalseEdges = true;
  // Every subexpression is an element, in evaluation order: reads nested
  // in larger expressions are accesses of their own.
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> G =
      CFG::buildCFG(F, F->getBody(), &Sites.Ctx, Options);
  if (!G)
    return false;

  Out.Blocks.assign(G->getNumBlockIDs(), Block());
  Out.Entry = G->getEntry().getBlockID();
  Out.Exit = G->getExit().getBlockID();
  // Reverse post order visits a guard's declaration before its uses.
  std::vector<const CFGBlock *> Order;
  {
    std::vector<bool> Seen(G->getNumBlockIDs());
    std::vector<std::pair<const CFGBlock *, CFGBlock::const_succ_iterator>>
        Stack;
    Stack.push_back({&G->getEntry(), G->getEntry().succ_begin()});
    Seen[G->getEntry().getBlockID()] = true;
    while (!Stack.empty()) {
      auto &[Blk, It] = Stack.back();
      if (It == Blk->succ_end()) {
        Order.push_back(Blk);
        Stack.pop_back();
        continue;
      }
      const CFGBlock *Next = It->getReachableBlock();
      ++It;
      if (Next && !Seen[Next->getBlockID()]) {
        Seen[Next->getBlockID()] = true;
        Stack.push_back({Next, Next->succ_begin()});
      }
    }
    std::reverse(Order.begin(), Order.end());
  }
  bool Relevant = false;
  for (const CFGBlock *B : Order) {
    Block &BOut = Out.Blocks[B->getBlockID()];
    Cur = &BOut;
    for (const CFGElement &E : *B) {
      if (auto S = E.getAs<CFGStmt>()) {
        handleStmt(S->getStmt());
      } else if (auto D = E.getAs<CFGAutomaticObjDtor>()) {
        const VarDecl *VD = D->getVarDecl();
        auto It = GuardVars.find(VD);
        SourceLocation Loc = D->getTriggerStmt()
                                 ? D->getTriggerStmt()->getEndLoc()
                                 : VD->getLocation();
        QualType VT = VD->getType();
        const RecordDecl *VR = VT->getAsRecordDecl();
        std::string VName = VR ? PrimitiveCatalog::qualifiedName(VR) : "";
        if (It != GuardVars.end()) {
          emit(Event::GuardDestroy, Loc).Guard = It->second;
        } else if (VName == "lockgraph::thread_pool") {
          // The destructor waits for every task.
          Event &E = emit(Event::ThreadJoin, Loc);
          E.CalleeName = "lockgraph::thread_pool::~thread_pool";
          E.Locks.push_back(Resolver.resolveVar(VD));
          LockRef All = Resolver.resolveVar(VD);
          All.Path.push_back("[]");
          Event &E2 = emit(Event::ThreadJoin, Loc);
          E2.CalleeName = E.CalleeName;
          E2.Locks.push_back(std::move(All));
        } else if (VName == "std::jthread" || VName == "std::future" ||
                   VName == "lockgraph::future") {
          // Their destructors wait for the thread (std::async's future).
          Event &E = emit(Event::ThreadJoin, Loc);
          E.CalleeName = VName + "::~" + VName.substr(5);
          E.Locks.push_back(Resolver.resolveVar(VD));
        } else if (Catalog.isThreadType(VT)) {
          Event &E = emit(Event::ThreadDestroy, Loc);
          E.Locks.push_back(Resolver.resolveVar(VD));
        } else if (const CXXRecordDecl *RD =
                       VD->getType()->getAsCXXRecordDecl()) {
          if (RD->hasDefinition() && !RD->hasTrivialDestructor()) {
            handleDtor(RD->getDestructor(), Resolver.resolveVar(VD), Loc);
          }
        }
      } else if (auto D = E.getAs<CFGDeleteDtor>()) {
        const CXXRecordDecl *RD = D->getCXXRecordDecl();
        if (RD && RD->hasDefinition() && !RD->hasTrivialDestructor())
          handleDtor(RD->getDestructor(),
                     Resolver.resolve(D->getDeleteExpr()->getArgument()),
                     D->getDeleteExpr()->getBeginLoc());
      } else if (auto T = E.getAs<CFGTemporaryDtor>()) {
        const CXXBindTemporaryExpr *BT = T->getBindTemporaryExpr();
        if (const auto *CE =
                dyn_cast<CXXConstructExpr>(BT->getSubExpr()->IgnoreImplicit())) {
          auto It = GuardCtors.find(CE);
          if (It != GuardCtors.end())
            emit(Event::GuardDestroy, BT->getEndLoc()).Guard = It->second;
        }
      }
    }
    for (const CFGBlock::AdjacentBlock &S : B->succs())
      BOut.Succs.push_back(S.getReachableBlock()
                               ? int(S.getReachableBlock()->getBlockID())
                               : -1);
    handleTerminator(B, BOut);
    BOut.NoReturn = B->hasNoReturnElement() ||
                    isa_and_nonnull<CXXThrowExpr>(B->getTerminatorStmt());
    // Exceptions no handler of a try statement catches leave the function
    // from its dispatch block: not a return either.
    if (isa_and_nonnull<CXXTryStmt>(B->getTerminatorStmt()))
      BOut.NoReturn = true;
    // A throw is an element of its block, not its terminator.
    for (const CFGElement &E : *B)
      if (auto S = E.getAs<CFGStmt>())
        if (isa<CXXThrowExpr>(S->getStmt())) {
          BOut.NoReturn = true;
          BOut.Throws = true;
          if (!BOut.ReturnSite.valid())
            BOut.ReturnSite = Sites.pos(S->getStmt()->getBeginLoc());
        }
    if (!BOut.Events.empty())
      Relevant = true;
  }
  for (const CFGBlock::AdjacentBlock &P : G->getExit().preds()) {
    const CFGBlock *B = P.getReachableBlock();
    if (B && !Out.Blocks[B->getBlockID()].ReturnSite.valid())
      Out.Blocks[B->getBlockID()].ReturnSite = Out.EndLoc;
  }
  return Relevant;
}

/// Finds the functions to lower.
class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(SiteMapper &Sites) : Sites(Sites) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    add(FD);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *LE) {
    add(LE->getCallOperator());
    return true;
  }

  std::vector<const FunctionDecl *> Functions;

private:
  void add(const FunctionDecl *FD) {
    if (!FD || !FD->doesThisDeclarationHaveABody() || !FD->getBody())
      return;
    if (FD->isDependentContext() || FD->isInvalidDecl())
      return;
    if (Sites.inSystemHeader(FD->getLocation()))
      return;
    if (Seen.insert(FD).second)
      Functions.push_back(FD);
  }
  SiteMapper &Sites;
  llvm::DenseSet<const FunctionDecl *> Seen;
};

/// Looks for comparisons that order two objects: of their addresses, or
/// of one field of two different objects.
class OrderingFinder : public RecursiveASTVisitor<OrderingFinder> {
public:
  explicit OrderingFinder(LockResolver &Resolver) : Resolver(Resolver) {}
  std::set<std::pair<std::string, std::string>> Pairs;

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (!BO->isRelationalOp())
      return true;
    const Expr *L = BO->getLHS()->IgnoreParenImpCasts();
    const Expr *R = BO->getRHS()->IgnoreParenImpCasts();
    bool Pointers =
        L->getType()->isPointerType() && R->getType()->isPointerType();
    const auto *LM = dyn_cast<MemberExpr>(L);
    const auto *RM = dyn_cast<MemberExpr>(R);
    bool SameField = LM && RM && LM->getMemberDecl() == RM->getMemberDecl();
    if (!Pointers && !SameField)
      return true;
    std::string A = owner(SameField ? LM->getBase() : L);
    std::string B = owner(SameField ? RM->getBase() : R);
    if (!A.empty() && !B.empty() && A != B)
      Pairs.insert(A < B ? std::make_pair(A, B) : std::make_pair(B, A));
    return true;
  }

private:
  std::string owner(const Expr *E) {
    LockRef Ref = Resolver.resolve(E);
    return Ref.isUnknown() ? "" : Ref.key();
  }
  LockResolver &Resolver;
};

static LockContract contractOf(const FunctionDecl *FD, LockResolver &Resolver) {
  LockContract C;
  Resolver.setFrame(FD);
  LockRef Self;
  Self.Root = RootKind::This;
  auto Add = [&](std::vector<LockRef> &To, auto Range) {
    bool Any = false;
    for (const Expr *Arg : Range) {
      To.push_back(Resolver.resolve(Arg));
      Any = true;
    }
    if (!Any && isa<CXXMethodDecl>(FD))
      To.push_back(Self);
  };
  for (const auto *A : FD->specific_attrs<AcquireCapabilityAttr>())
    Add(A->isShared() ? C.AcquiresShared : C.Acquires, A->args());
  for (const auto *A : FD->specific_attrs<ReleaseCapabilityAttr>())
    Add(C.Releases, A->args());
  for (const auto *A : FD->specific_attrs<TryAcquireCapabilityAttr>())
    Add(C.Acquires, A->args());
  for (const auto *A : FD->specific_attrs<ExclusiveTrylockFunctionAttr>())
    Add(C.Acquires, A->args());
  for (const auto *A : FD->specific_attrs<RequiresCapabilityAttr>())
    Add(C.Requires, A->args());
  return C;
}

} // namespace

TranslationUnitFacts extractFacts(ASTContext &Ctx,
                                  const PrimitiveCatalog &Catalog) {
  SiteMapper Sites(Ctx);
  TranslationUnitFacts TU;
  if (const FileEntry *Main =
          Sites.SM.getFileEntryForID(Sites.SM.getMainFileID()))
    TU.MainFile = Sites.pos(Sites.SM.getLocForStartOfFile(
                                Sites.SM.getMainFileID()))
                      .File;
  (void)Catalog;

  FunctionCollector Collector(Sites);
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());

  LockResolver Resolver(Sites, Catalog);
  Resolver.setFrame(nullptr);
  std::set<std::string> Recursive;

  // Globals initialised with PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP.
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD || !VD->getInit())
      continue;
    LockKind K;
    if (!Catalog.isLockType(VD->getType(), K))
      continue;
    SourceLocation L = VD->getInit()->getBeginLoc();
    if (!L.isMacroID())
      continue;
    llvm::StringRef Macro =
        Lexer::getImmediateMacroName(L, Sites.SM, Ctx.getLangOpts());
    if (Macro.contains("RECURSIVE"))
      Recursive.insert(Resolver.resolveVar(VD).declName());
  }

  for (const FunctionDecl *FD : Collector.Functions) {
    FunctionFacts F;
    F.Usr = SiteMapper::usr(FD->getCanonicalDecl());
    if (F.Usr.empty())
      continue;
    F.Name = PrimitiveCatalog::qualifiedName(FD);
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
      F.ClassName = PrimitiveCatalog::qualifiedName(MD->getParent());
      F.IsLambda = MD->getParent()->isLambda();
      F.Name = readableName(FD, Sites);
    }
    F.Loc = Sites.pos(FD->getLocation());
    if (const Stmt *Body = FD->getBody())
      F.EndLoc = Sites.pos(Body->getEndLoc());
    F.NumParams = FD->getNumParams();
    F.IsMain = FD->isMain();
    F.LocalOwner = Resolver.localOwner(FD);
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
      F.IsCtorOrDtor =
          isa<CXXConstructorDecl>(MD) || isa<CXXDestructorDecl>(MD);
      F.IsPublicMethod = !F.IsCtorOrDtor && !MD->isStatic() &&
                         MD->getAccess() == AS_public &&
                         !MD->getParent()->isLambda() &&
                         !MD->isCopyAssignmentOperator() &&
                         !MD->isMoveAssignmentOperator();
    }
    F.ReturnsPointer = FD->getReturnType()->isPointerType();
    F.Contract = contractOf(FD, Resolver);
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD)) {
      Resolver.setFrame(FD);
      for (const CXXCtorInitializer *Init : Ctor->inits()) {
        const FieldDecl *Field = Init->getMember();
        if (!Field || !Init->getInit() ||
            !(Field->getType()->isReferenceType() ||
              Field->getType()->isPointerType()))
          continue;
        LockRef Target = Resolver.resolve(Init->getInit());
        if (Target.Root == RootKind::Param || Target.Root == RootKind::This ||
            Target.Root == RootKind::Global)
          F.FieldAliases.emplace_back(PrimitiveCatalog::qualifiedName(Field),
                                      Target);
      }
    }
    Resolver.setFrame(FD);
    OrderingFinder Ordering(Resolver);
    Ordering.TraverseStmt(FD->getBody());
    F.OrderedPairs.assign(Ordering.Pairs.begin(), Ordering.Pairs.end());
    FunctionLowering Lowering(Sites, Catalog, Resolver, Recursive);
    bool Relevant = Lowering.lower(FD, F);
    if (Relevant || !F.Contract.empty() || !F.FieldAliases.empty())
      TU.Functions.push_back(std::move(F));
  }
  Recursive.erase(std::string());
  TU.RecursiveLocks.assign(Recursive.begin(), Recursive.end());
  return TU;
}

} // namespace lockgraph
