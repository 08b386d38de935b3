//===- FactExtractor.h - Lower a translation unit's functions to facts ----===//
//
// Walks every function defined in the main file or a non-system header
// (template instantiations and lambdas included), builds Clang's CFG with
// implicit destructors, and turns each element that touches a lock, starts
// a thread or calls a user function into an Event of model/Facts.h.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_MODEL_FACTEXTRACTOR_H
#define LOCKGRAPH_MODEL_FACTEXTRACTOR_H

#include "model/Facts.h"
#include "model/PrimitiveCatalog.h"

namespace clang {
class ASTContext;
} // namespace clang

namespace lockgraph {

/// Extracts the facts of every function of the translation unit in \p Ctx.
TranslationUnitFacts extractFacts(clang::ASTContext &Ctx,
                                  const PrimitiveCatalog &Catalog);

} // namespace lockgraph

#endif
