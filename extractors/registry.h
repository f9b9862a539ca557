// The registry: which extractor reads which sniffed format. Adding a format
// is one folder under extractors/ and one line in registry.cc.
#ifndef GONGKAI_EXTRACTORS_REGISTRY_H_
#define GONGKAI_EXTRACTORS_REGISTRY_H_

#include <vector>

#include "src/extractor.h"

namespace gongkai {

// Returns every extractor built into this program.
std::vector<Extractor> DefaultExtractors();

// Loads now the libraries extractors otherwise load on first use (libzip,
// for DOCX). A process that forks one worker per document calls it once
// before the first fork, so that no worker pays the loading again.
void PreloadExtractorLibraries();

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_REGISTRY_H_
