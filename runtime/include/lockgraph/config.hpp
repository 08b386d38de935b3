// Build configuration shared by every lockgraph runtime header: symbol
// visibility and the version.
#pragma once

// The shared library exports only what is marked LOCKGRAPH_API; everything
// else stays internal, so the ABI is what these headers declare.
#if defined(__GNUC__) || defined(__clang__)
#define LOCKGRAPH_API __attribute__((visibility("default")))
#else
#define LOCKGRAPH_API
#endif

#define LOCKGRAPH_VERSION_MAJOR 0
#define LOCKGRAPH_VERSION_MINOR 1
#define LOCKGRAPH_VERSION_PATCH 0
