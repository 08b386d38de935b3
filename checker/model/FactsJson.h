//===- FactsJson.h - Facts of a translation unit as JSON ------------------===//
//
// Workers extract facts in their own process and hand them to the driver as
// JSON; the same format lets facts be cached or inspected (`--dump-facts`).
//
//===----------------------------------------------------------------------===//
#ifndef LOCKGRAPH_MODEL_FACTSJSON_H
#define LOCKGRAPH_MODEL_FACTSJSON_H

#include "model/Facts.h"

#include <string>

namespace lockgraph {

std::string factsToJson(const TranslationUnitFacts &TU);
/// Returns false and sets \p Error on malformed input.
bool factsFromJson(const std::string &Text, TranslationUnitFacts &TU,
                   std::string &Error);

} // namespace lockgraph

#endif
