// The registry: every format this build reads, in the order they are
// sniffed. Adding a format is one folder under extractors/ and one line in
// registry.cc.
#ifndef GONGKAI_EXTRACTORS_REGISTRY_H_
#define GONGKAI_EXTRACTORS_REGISTRY_H_

#include "src/model/extractor.h"

namespace gongkai {

// Returns the registry of every extractor built into this program.
const Registry& DefaultRegistry();

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_REGISTRY_H_
